package io.zombielab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * validate --images: a fleet of four (the example app as it ships, with the engine's init, in a shared pod, and as
 * shipped again) in one run, and the same fleet in two shards: the same verdicts, a JUnit suite per image, one
 * summary table and page, and the exit code of the worst image.
 */
@Tag("container")
@DisplayName("validate --images: a fleet, in one run and in shards")
class FleetTest {

    private static String app;

    @BeforeAll
    static void buildTheApp() {
        app = "zombielab/test-fleet-app:"
                + System.getenv().getOrDefault("ZOMBIELAB_RUN_ID", "x").replaceAll("[^a-z0-9-]", "");
        DockerCli.buildExample(app, "examples/deploy/app");
    }

    @AfterAll
    static void removeTheApp() {
        DockerCli.run("rmi", "-f", app);
    }

    @TempDir
    Path dir;

    @BeforeEach
    void reportsHere() {
        System.setProperty("zombielab.report.dir", dir.resolve("report").toString());
    }

    @AfterEach
    void reportsBack() {
        System.clearProperty("zombielab.report.dir");
    }

    private Path fleet() throws Exception {
        Path file = dir.resolve("fleet.txt");
        Files.writeString(
                file,
                "# four of one app\n" + app + " --name app          # node at PID 1\n" + app
                        + " --init --name app-init\n" + app + " --pod --name app-pod\n" + app + " --name app-again\n");
        return file;
    }

    private static Map<String, String> without(Map<String, String> verdicts, List<String> keys) {
        Map<String, String> kept = new TreeMap<>(verdicts);
        keys.forEach(kept::remove);
        return kept;
    }

    /** Each image's promises with their results: "app/reaps-orphans" -> "PromiseBroken" or "passed". */
    private static Map<String, String> verdicts(Path junit) throws Exception {
        Document doc =
                DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(junit.toFile());
        Map<String, String> results = new TreeMap<>();
        NodeList cases = doc.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            NodeList failures = c.getElementsByTagName("failure");
            results.put(
                    c.getAttribute("classname").replace("zombielab.validate.", "") + "/" + c.getAttribute("name"),
                    failures.getLength() == 0 ? "passed" : ((Element) failures.item(0)).getAttribute("type"));
        }
        return results;
    }

    @Test
    @DisplayName(
            "four images in one run and in two shards: the same verdicts; the worst image's exit code; one suite per image")
    void shardsGiveTheSameVerdicts() throws Exception {
        Path fleet = fleet();
        Console whole = new Console();
        Path all = dir.resolve("all.xml");
        // A bound of 2.5 s: on a loaded machine docker stop alone can take over 1 s; zombies are what is judged here.
        int exit = whole.run(
                "validate", "--images", fleet.toString(), "--latency-bound", "2.5s", "--junit", all.toString());

        assertThat(exit).as(whole.out() + whole.err()).isEqualTo(ExitCode.FAILED);
        Map<String, String> once = verdicts(all);
        assertThat(once)
                .as(whole.out())
                .containsEntry("app/reaps-orphans", "PromiseBroken")
                .containsEntry("app-again/reaps-orphans", "PromiseBroken")
                .containsEntry("app-init/reaps-orphans", "passed")
                .containsEntry("app-pod/reaps-orphans", "passed")
                .hasSize(8);
        assertThat(Files.readString(all))
                .contains(
                        "<testsuite name=\"zombielab.validate.app\"",
                        "<testsuite name=\"zombielab.validate.app-init\"",
                        "<testsuite name=\"zombielab.validate.app-pod\"",
                        "<testsuite name=\"zombielab.validate.app-again\"",
                        "name=\"zombielab.from\" value=\"" + fleet + ":2\"");
        assertThat(whole.out())
                .contains(
                        "zombielab validate: a fleet of 4 images",
                        "fleet BROKEN: 2 of 4 images GOOD, 2 BROKEN",
                        "app-init   " + fleet + ":3  kept");
        assertThat(dir.resolve("report/validate.md")).content().contains("| app | " + fleet + ":2 | BROKEN |");
        assertThat(dir.resolve("report/validate.html")).content().contains("<table id=\"fleet\">");

        Map<String, String> sharded = new TreeMap<>();
        for (String shard : new String[] {"1/2", "2/2"}) {
            Console part = new Console();
            Path xml = dir.resolve("shard-" + shard.charAt(0) + ".xml");
            int code = part.run(
                    "validate",
                    "--images",
                    fleet.toString(),
                    "--latency-bound",
                    "2.5s",
                    "--fleet-shard",
                    shard,
                    "--junit",
                    xml.toString(),
                    "--quiet");
            Map<String, String> these = verdicts(xml);
            assertThat(these.keySet()).as("shard %s takes its half", shard).hasSize(4);
            assertThat(java.util.Collections.disjoint(these.keySet(), sharded.keySet()))
                    .as("and none of the other's: " + these.keySet() + " and " + sharded.keySet())
                    .isTrue();
            assertThat(code)
                    .as(part.out())
                    .isEqualTo(these.containsValue("PromiseBroken") ? ExitCode.FAILED : ExitCode.OK);
            assertThat(part.out()).contains("shard " + shard + " of a fleet of 4");
            sharded.putAll(these);
        }
        // node at PID 1 ignores SIGTERM until it has run server.js's handler: on a loaded machine, a stop can come
        // while it
        // is still starting (it is then killed). That race is the image's start, not the sharding's: those two are left
        // out.
        List<String> startRaces = List.of("app/stops-gracefully", "app-again/stops-gracefully");
        assertThat(without(sharded, startRaces))
                .as("the shards' verdicts, together")
                .isEqualTo(without(once, startRaces));
    }
}
