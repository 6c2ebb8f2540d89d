package io.zombielab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zombielab.probe.HelperImage;
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
import org.testcontainers.DockerClientFactory;

/**
 * examples/deploy/k8s/pods.yaml judged container by container, each verdict against the same containers run by hand
 * with the docker CLI as the kubelet would run them: {@code shared/app} (a pod sharing its PID namespace: its pause
 * reaps what the liveness probe backgrounds; a preStop hook, then SIGTERM) and {@code web/web} (node at PID 1 by
 * command/args: the readiness probe's children stay zombies; a 5 s drain against terminationGracePeriodSeconds 3: killed).
 */
@Tag("container")
@DisplayName("validate --manifest: the example manifest, and the same containers by hand")
class ManifestExampleTest {

    private static final Path MANIFEST =
            Path.of("examples/deploy/k8s/pods.yaml").toAbsolutePath();
    private static final String IMAGE = "zombielab/example-app:1";

    private static final Console console = new Console();
    private static int exit;
    private static final Map<String, String> verdicts = new TreeMap<>();

    @TempDir
    static Path dir;

    @BeforeAll
    static void validateTheFile() throws Exception {
        DockerCli.buildExample(IMAGE, "examples/deploy/app");
        // A bound of 2.5 s: on a loaded machine docker stop alone can take over 1 s; zombies and kills are judged
        // here.
        ValidateJunitFile.Validated run =
                ValidateJunitFile.validate(console, dir, "--manifest", MANIFEST.toString(), "--latency-bound", "2.5s");
        exit = run.exit();
        verdicts.putAll(run.verdicts());
    }

    @AfterAll
    static void removeTheImage() {
        DockerCli.run("rmi", IMAGE);
    }

    private static String out() {
        return console.out();
    }

    private static String run(List<String> flags, String... command) {
        List<String> args = new ArrayList<>(List.of("run", "-d", "--label", "io.zombielab=true"));
        args.addAll(flags);
        args.add(IMAGE);
        args.addAll(List.of(command));
        String id = DockerCli.ok(args.toArray(String[]::new));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> DockerCli.run("logs", id).out().contains("up"));
        return id;
    }

    /** The probe's command three times by docker exec, as the kubelet runs an exec probe; then the zombies once it settles. */
    private static long zombiesAfterProbe(String id) {
        for (int i = 0; i < 3; i++) {
            DockerCli.ok("exec", id, "/bin/sh", "-c", "sleep 1 & exit 0");
        }
        return DockerCli.settledZombies(id);
    }

    @Test
    @DisplayName(
            "the fleet: exit 1, a diff adding shareProcessNamespace: true to web's pod spec, the grace period's line")
    void theFleet() {
        assertThat(exit).as(out() + console.err()).isEqualTo(ExitCode.FAILED);
        assertThat(out())
                .contains(
                        "zombielab validate: a fleet of 2 images",
                        "fleet BROKEN: 1 of 2 images GOOD, 1 BROKEN",
                        "+      shareProcessNamespace: true\n       terminationGracePeriodSeconds: 3",
                        MANIFEST + ":39: web/web was still running when the SIGKILL came after 3 s");
    }

    @Test
    @DisplayName(
            "shared/app: validate says the pause reaps the probe's children and the preStop ran; by hand in --pid container:PAUSE, none left")
    void sharedPodReaps() {
        assertThat(verdicts)
                .as(out())
                .containsEntry("shared/app/probes-reaped", "passed")
                .containsEntry("shared/app/reaps-orphans", "passed")
                .containsEntry("shared/app/stops-gracefully", "passed");
        assertThat(out()).contains("preStop [/bin/sh, -c, sleep 1] (" + MANIFEST + ":23) ran first, exit code 0");
        String pause = DockerCli.ok(
                "run",
                "-d",
                "--label",
                "io.zombielab=true",
                "--read-only",
                HelperImage.ensure(DockerClientFactory.instance().client()),
                "pause");
        try {
            String app = run(List.of("--pid", "container:" + pause));
            try {
                assertThat(zombiesAfterProbe(app))
                        .as("zombies in the shared namespace, by hand")
                        .isZero();
                DockerCli.ok("exec", app, "/bin/sh", "-c", "sleep 1");
                DockerCli.ok("stop", "-t", "5", app);
                assertThat(DockerCli.ok("inspect", "-f", "{{.State.ExitCode}}", app))
                        .as("node's exit, not PID 1 there")
                        .isEqualTo("0");
            } finally {
                DockerCli.run("rm", "-f", app);
            }
        } finally {
            DockerCli.run("rm", "-f", pause);
        }
    }

    @Test
    @DisplayName(
            "web/web: validate says the probe's children stay zombies and the stop is killed; by hand the same, exit 137 after 3 s")
    void deploymentLeavesZombiesAndIsKilled() {
        assertThat(verdicts.get("web/web/probes-reaped"))
                .as(out())
                .startsWith("PromiseBroken: ")
                .contains("left as zombies (sleep ppid 1)");
        assertThat(verdicts.get("web/web/stops-gracefully"))
                .startsWith("PromiseBroken: ")
                .contains("(timeout 3 s); did not stop on its stop signal: the engine killed it after the 3 s timeout");
        String id = run(List.of("-e", "SHUTDOWN_MS=5000", "--entrypoint", "node"), "server.js");
        try {
            assertThat(zombiesAfterProbe(id)).as("zombies under node, by hand").isEqualTo(3);
            long t0 = System.nanoTime();
            DockerCli.ok("stop", "-t", "3", id);
            assertThat((System.nanoTime() - t0) / 1_000_000)
                    .as("docker stop's ms")
                    .isGreaterThanOrEqualTo(3000);
            assertThat(DockerCli.ok("inspect", "-f", "{{.State.ExitCode}}", id)).isEqualTo("137");
        } finally {
            DockerCli.run("rm", "-f", id);
        }
    }
}
