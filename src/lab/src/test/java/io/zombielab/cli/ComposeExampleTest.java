package io.zombielab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * examples/deploy/compose.yaml, modelled on what real projects write, judged service by service; and each verdict
 * against the same container run by hand with the docker CLI (Debian's docker-compose is 1.29: the CLI is the
 * reference), as Compose would run it: {@code web} (node at PID 1: the orphans stay zombies), {@code web-init}
 * ({@code init: true}: reaped), {@code worker} (a health check that backgrounds a child: under node, a zombie per
 * run), {@code slow-stop} (a 5 s drain, a 3 s stop_grace_period: killed, exit 137).
 */
@Tag("container")
@DisplayName("validate --compose: the example Compose file, and the same containers by hand")
class ComposeExampleTest {

    private static final Path COMPOSE = Path.of("examples/deploy/compose.yaml").toAbsolutePath();

    private static final Console console = new Console();
    private static int exit;
    private static final Map<String, String> verdicts = new TreeMap<>();
    private static final Map<String, String> images = new TreeMap<>();

    @TempDir
    static Path dir;

    @BeforeAll
    static void validateTheFile() throws Exception {
        System.setProperty("zombielab.report.dir", dir.resolve("report").toString());
        Path xml = dir.resolve("compose.xml");
        try {
            // A bound of 2.5 s: on a machine as loaded as a shared CI runner, docker stop alone can take over 1 s, and
            // what is judged here is zombies and kills, not latency.
            exit = console.run(
                    "validate", "--compose", COMPOSE.toString(), "--latency-bound", "2.5s", "--junit", xml.toString());
        } finally {
            System.clearProperty("zombielab.report.dir");
        }
        assertThat(xml).as(console.out() + console.err()).exists();
        Document doc = ValidateJunitFile.parse(xml);
        NodeList suites = doc.getElementsByTagName("testsuite");
        for (int s = 0; s < suites.getLength(); s++) {
            Element suite = (Element) suites.item(s);
            String service = suite.getAttribute("name").replace("zombielab.validate.", "");
            NodeList props = suite.getElementsByTagName("property");
            for (int p = 0; p < props.getLength(); p++) {
                Element prop = (Element) props.item(p);
                if (prop.getAttribute("name").equals("zombielab.image")) {
                    images.put(service, prop.getAttribute("value"));
                }
            }
            NodeList cases = suite.getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element c = (Element) cases.item(i);
                verdicts.put(service + "/" + c.getAttribute("name"), ValidateJunitFile.outcome(c));
            }
        }
    }

    @AfterAll
    static void removeTheBuilds() {
        images.values().stream().distinct().forEach(i -> DockerCli.run("rmi", i));
    }

    private static String out() {
        return console.out();
    }

    /** A container of the service's image started as Compose would ({@code flags} before the image, {@code command} after). */
    private static String runByHand(String service, List<String> flags, String... command) {
        List<String> args = new ArrayList<>(List.of("run", "-d", "--label", "io.zombielab=true"));
        args.addAll(flags);
        args.add(images.get(service));
        args.addAll(List.of(command));
        String id = DockerCli.ok(args.toArray(String[]::new));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> DockerCli.run("logs", id).out().contains("up"));
        return id;
    }

    /** Three orphans for PID 1, as a health check's backgrounded child is: docker exec sh -c 'sleep 0.2 & exit 0'. */
    private static long zombiesAfterOrphans(String id, String... exec) {
        for (int i = 0; i < 3; i++) {
            DockerCli.ok(concat(List.of("exec", id), exec));
        }
        return DockerCli.settledZombies(id);
    }

    private static String[] concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }

    /** docker stop -t SECONDS, timed; and the exit code inspect reports. */
    private static long[] stopByHand(String id, int seconds) {
        long t0 = System.nanoTime();
        DockerCli.ok("stop", "-t", Integer.toString(seconds), id);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        return new long[] {ms, Long.parseLong(DockerCli.ok("inspect", "-f", "{{.State.ExitCode}}", id))};
    }

    @Test
    @DisplayName(
            "the fleet: exit 1 (its worst service), one row a service, a diff adding init: true where it is missing")
    void theFleet() {
        assertThat(exit).as(out() + console.err()).isEqualTo(ExitCode.FAILED);
        assertThat(out())
                .contains(
                        "zombielab validate: a fleet of 4 images",
                        "fleet BROKEN: 1 of 4 images GOOD, 3 BROKEN",
                        "+++ " + COMPOSE + " (fixed)",
                        "   web:\n+    init: true\n     build: *app",
                        "   worker:\n+    init: true\n     build: *app",
                        "note: read, not modelled (no effect on PID 1): ports (line 12)",
                        COMPOSE
                                + ":38: service slow-stop was still running when docker stop killed it after 3 s: its stop_grace_period is "
                                + "shorter than its shutdown: raise it");
        assertThat(Files.exists(dir.resolve("report/validate.html"))).isTrue();
    }

    @Test
    @DisplayName(
            "web, node at PID 1: validate says its orphans stay zombies; by hand, docker exec's orphans stay <defunct>")
    void webLeavesZombies() {
        assertThat(verdicts.get("web/reaps-orphans"))
                .as(out())
                .startsWith("PromiseBroken: ")
                .contains("5 left as zombies");
        String id = runByHand("web", List.of("-e", "PORT=8080"));
        try {
            assertThat(zombiesAfterOrphans(id, "sh", "-c", "sleep 0.2 & exit 0"))
                    .as("zombies under node, by hand")
                    .isEqualTo(3);
        } finally {
            DockerCli.run("rm", "-f", id);
        }
    }

    @Test
    @DisplayName(
            "web-init, init: true: validate says reaped and stopped; by hand with --init, no zombie, docker stop prompt, exit 0")
    void webInitKeepsBoth() {
        assertThat(verdicts)
                .as(out())
                .containsEntry("web-init/reaps-orphans", "passed")
                .containsEntry("web-init/stops-gracefully", "passed");
        String id = runByHand("web-init", List.of("--init"));
        try {
            assertThat(zombiesAfterOrphans(id, "sh", "-c", "sleep 0.2 & exit 0"))
                    .as("zombies under tini, by hand")
                    .isZero();
            long[] stop = stopByHand(id, 5);
            assertThat(stop[1]).as("exit code").isZero();
            assertThat(stop[0]).as("docker stop's ms").isLessThan(5000);
        } finally {
            DockerCli.run("rm", "-f", id);
        }
    }

    @Test
    @DisplayName(
            "worker, a health check that backgrounds a child: validate says 5 runs left 5 zombies; by hand the same test leaves them")
    void workerHealthCheckLeavesZombies() {
        assertThat(verdicts.get("worker/probes-reaped"))
                .as(out())
                .startsWith("PromiseBroken: ")
                .contains("run 5 times every 1.00 s, exit codes [0, 0, 0, 0, 0]: 5 left as zombies (sleep ppid 1)");
        String id = runByHand("worker", List.of(), "node", "server.js");
        try {
            assertThat(zombiesAfterOrphans(id, "/bin/sh", "-c", "sleep 1 & exit 0"))
                    .as("the health check's children, by hand")
                    .isEqualTo(3);
        } finally {
            DockerCli.run("rm", "-f", id);
        }
    }

    @Test
    @DisplayName(
            "slow-stop, a 5 s drain and stop_grace_period: 3s: validate says killed; by hand docker stop -t 3 takes 3 s, exit 137")
    void slowStopIsKilled() {
        assertThat(verdicts.get("slow-stop/stops-gracefully"))
                .as(out())
                .startsWith("PromiseBroken: ")
                .contains("(timeout 3 s); did not stop on its stop signal: the engine killed it after the 3 s timeout");
        assertThat(verdicts).containsEntry("slow-stop/reaps-orphans", "passed");
        String id = runByHand("slow-stop", List.of("--init", "-e", "SHUTDOWN_MS=5000"));
        try {
            long[] stop = stopByHand(id, 3);
            assertThat(stop[1]).as("exit code").isEqualTo(137);
            assertThat(stop[0]).as("docker stop's ms").isGreaterThanOrEqualTo(3000);
        } finally {
            DockerCli.run("rm", "-f", id);
        }
        String control = runByHand("slow-stop", List.of("--init", "-e", "SHUTDOWN_MS=5000"));
        try {
            assertThat(stopByHand(control, 10)[1])
                    .as("negative control: with 10 s it drains and exits 0")
                    .isZero();
        } finally {
            DockerCli.run("rm", "-f", control);
        }
    }
}
