package io.zombielab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import io.zombielab.Lab;
import io.zombielab.Settings;
import io.zombielab.scenario.Reaper;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * validate --image checks an app image as it ships, whatever its PID 1: here the real Next.js fixture with
 * node at PID 1 (CMD ["node", ".../next", "start"]), the most common image there is. Node reaps only its own
 * children, so the orphans the sidecar makes stay zombies; the same image with --init (docker run --init), or in
 * a Kubernetes pod that shares its PID namespace (--pod: the pod's pause at PID 1), keeps both promises. Next.js stops on SIGTERM by itself once it is up, so stops-gracefully holds either way.
 */
@DisplayName("validate --image: an app image as it ships")
@Tag("container")
class ShippedImageTest {

    private static String app;

    @BeforeAll
    static void buildTheApp() {
        Lab lab = Lab.open(Settings.fromEnvironment(), line -> System.out.println("[zombielab] " + line));
        String fixtures = lab.imageFor(Reaper.NONE);
        app = new ImageFromDockerfile(
                        "zombielab/test-node-at-pid1:" + lab.runId().replaceAll("[^a-z0-9-]", ""), false)
                .withDockerfileFromBuilder(b -> b.from(fixtures)
                        .label("io.zombielab", "true")
                        .workDir("/opt/zombielab/workloads/next-app")
                        .cmd("node", "node_modules/next/dist/bin/next", "start", "-p", "3000")
                        .build())
                .get();
    }

    @AfterAll
    static void removeTheApp() {
        DockerClient docker = DockerClientFactory.instance().client();
        docker.removeImageCmd(app).withForce(true).exec();
    }

    @TempDir
    Path dir;

    private final Console console = new Console();

    private int validate(String... more) {
        String[] args = new String[more.length + 3];
        args[0] = "validate";
        args[1] = "--image";
        args[2] = app;
        System.arraycopy(more, 0, args, 3, more.length);
        return console.run(args);
    }

    private String out() {
        return console.out();
    }

    /** The JUnit XML validate wrote: each test case's name with what it holds (failure type, or "passed"). */
    private static java.util.Map<String, String> junit(Path file) throws Exception {
        Document doc =
                DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(file.toFile());
        NodeList cases = doc.getElementsByTagName("testcase");
        java.util.Map<String, String> results = new java.util.TreeMap<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            NodeList failures = c.getElementsByTagName("failure");
            results.put(
                    c.getAttribute("name"),
                    failures.getLength() == 0
                            ? "passed"
                            : ((Element) failures.item(0)).getAttribute("type") + ": "
                                    + failures.item(0).getTextContent());
        }
        return results;
    }

    @Test
    @DisplayName("node at PID 1 leaves the orphans it adopts zombies: BROKEN, predicted from the config, with the fix")
    void nodeAtPidOneDoesNotReap() throws Exception {
        Path xml = dir.resolve("as-shipped.xml");
        int exit = validate("--name", "next-app", "--junit", xml.toString());

        assertThat(exit).as(out()).isEqualTo(ExitCode.FAILED);
        assertThat(out())
                .contains(
                        "PID 1: node node_modules/next/dist/bin/next start -p 3000",
                        "predicted from the config: reaps no",
                        "next-app BREAKS 'reaps-orphans'",
                        "5 left as zombies",
                        "<defunct>",
                        "fix: run it with an init in front: docker run --init",
                        "BROKEN: ");
        assertThat(junit(xml))
                .containsEntry("stops-gracefully", "passed")
                .hasEntrySatisfying("reaps-orphans", failure -> assertThat(failure)
                        .startsWith("PromiseBroken: ")
                        .contains("5 left as zombies", "[zl-orphan] <defunct>"));
    }

    @Test
    @DisplayName("the same image with --init keeps both promises: the engine's init reaps and forwards")
    void withTheEnginesInitItPasses() throws Exception {
        Path xml = dir.resolve("with-init.xml");
        int exit = validate("--name", "next-app", "--init", "--junit", xml.toString());

        assertThat(exit).as(out()).isEqualTo(ExitCode.OK);
        assertThat(out())
                .contains("PID 1: docker-init -- node", "GOOD: 2 of 2 judged promises kept")
                .doesNotContain("fix:");
        assertThat(junit(xml)).isEqualTo(java.util.Map.of("reaps-orphans", "passed", "stops-gracefully", "passed"));
    }

    @Test
    @DisplayName(
            "the same image in a pod sharing its PID namespace keeps both promises: the pod's pause at PID 1 reaps")
    void inASharedPodThePauseReaps() throws Exception {
        Path xml = dir.resolve("in-pod.xml");
        int exit = validate("--name", "next-app", "--pod", "--junit", xml.toString());

        assertThat(exit).as(out()).isEqualTo(ExitCode.OK);
        assertThat(out())
                .contains(
                        "in a pod sharing its PID namespace (pause at PID 1)",
                        "PID 1: pause",
                        "GOOD: 2 of 2 judged promises kept");
        assertThat(junit(xml)).isEqualTo(java.util.Map.of("reaps-orphans", "passed", "stops-gracefully", "passed"));
    }
}
