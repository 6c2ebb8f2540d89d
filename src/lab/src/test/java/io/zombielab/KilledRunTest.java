package io.zombielab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import io.zombielab.engine.DockerEngine;
import io.zombielab.image.Labels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A harness killed with SIGKILL runs no clean-up of its own: its container stays. The next run's start
 * (the launcher's zl_remove_stale_runs) must find it by label, see that its launcher is gone, and remove
 * it, leaving no container of that run and no process that belonged to it.
 */
@DisplayName("A run killed with SIGKILL leaves nothing behind once the next run starts")
@Tag("container")
class KilledRunTest {

    private final DockerClient docker =
            DockerEngine.client(Settings.fromEnvironment().engine());

    @TempDir
    Path dir;

    private List<String> containersOf(String run) {
        return docker
                .listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(java.util.Map.of(Labels.RUN, run))
                .exec()
                .stream()
                .map(c -> c.getId())
                .toList();
    }

    /** The run's containers of one kind (scenario, probe, pause): labelled with the run like its cells' containers. */
    private List<String> containersOf(String run, String kind) {
        return docker
                .listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(java.util.Map.of(Labels.RUN, run, Labels.KIND, kind))
                .exec()
                .stream()
                .map(c -> c.getId())
                .toList();
    }

    /** Host processes whose environment carries the run id: the harness and whatever it started. */
    private static List<Long> processesOf(String run) throws IOException {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> {
                        try {
                            return new String(Files.readAllBytes(p.resolve("environ")), StandardCharsets.UTF_8)
                                    .contains("ZOMBIELAB_RUN_ID=" + run + "\0");
                        } catch (IOException gone) {
                            return false;
                        }
                    })
                    .map(p -> Long.parseLong(p.getFileName().toString()))
                    .toList();
        }
    }

    @Test
    @DisplayName("killed mid-cell: its container and its probe's sidecar outlive it, and the next start removes both")
    void killedMidRun() throws Exception {
        killMidCellThenStartAgain("scenarios/pid-exhaustion.yaml", List.of("scenario", "probe"));
    }

    @Test
    @DisplayName(
            "killed mid-cell of a pod: its pause container outlives it too, and the next start removes it with the others")
    void killedMidPodCell() throws Exception {
        Path cell = dir.resolve("pod-cell.yaml");
        // Long enough that the kill always lands inside it.
        Files.writeString(cell, "scenarios:\n  - {reaper: pod-shared, supervisor: go, kill: pgid-term, cycles: 30}\n");
        killMidCellThenStartAgain(cell.toString(), List.of("scenario", "probe", "pause"));
    }

    /**
     * Runs the harness on {@code matrixArguments} with the universal probe, kills it with SIGKILL once a cell has
     * a container of each of {@code kinds}, then runs the next start's sweep: nothing of the run may be left.
     */
    private void killMidCellThenStartAgain(String matrixArguments, List<String> kinds) throws Exception {
        String classpath = "target/classes:target/lib/*";
        Path log = Files.createTempFile(dir, "killed-run", ".log");
        // The run id ends in the harness's pid, as the launcher makes it: exec keeps the shell's pid.
        Process harness = new ProcessBuilder(
                        "bash",
                        "-c",
                        "export ZOMBIELAB_PROBE=universal ZOMBIELAB_RUN_ID=$(date +%Y%m%d-%H%M%S)-$$; "
                                + "echo $ZOMBIELAB_RUN_ID; exec java -cp '" + classpath
                                + "' io.zombielab.cli.Main matrix " + matrixArguments)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        await("the harness's run id").atMost(Duration.ofSeconds(10)).until(() -> Files.readString(log)
                .contains("\n"));
        String run = Files.readString(log).lines().findFirst().orElseThrow().trim();
        assertThat(run).matches("\\d{8}-\\d{6}-" + harness.pid());
        try {
            // The sidecar is the last to start: by then the cell's other containers run.
            await("a cell's " + kinds + " containers, of run " + run)
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> kinds.stream()
                            .noneMatch(kind -> containersOf(run, kind).isEmpty()));
            harness.destroyForcibly().waitFor(); // SIGKILL: no finally block, no shutdown hook runs
            for (String kind : kinds) {
                assertThat(containersOf(run, kind))
                        .as("the killed run's " + kind + " container, before the next start")
                        .isNotEmpty();
            }

            Process nextStart = new ProcessBuilder(
                            "bash", "-c", "set -e; . scripts/lib/log.sh; . scripts/lib/java.sh; zl_remove_stale_runs")
                    .redirectErrorStream(true)
                    .start();
            String said = new String(nextStart.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(nextStart.waitFor()).as(said).isZero();
            assertThat(said).contains("of run " + run + ", whose launcher is gone");
            assertThat(containersOf(run)).as("containers of the killed run").isEmpty();
            assertThat(processesOf(run)).as("host processes of the killed run").isEmpty();
        } finally {
            harness.destroyForcibly();
            containersOf(run)
                    .forEach(id -> docker.removeContainerCmd(id).withForce(true).exec());
        }
    }

    @Test
    @DisplayName("a run whose launcher still lives is left alone")
    void liveRunLeftAlone() throws Exception {
        // This test's own run: its launcher (./zombielab test) is alive, so its containers must stay.
        String own = System.getenv("ZOMBIELAB_RUN_ID");
        String id = docker.createContainerCmd(System.getenv("ZOMBIELAB_BASE_IMAGE"))
                .withCmd("true")
                .withLabels(Labels.scenarioContainer(own, "left-alone"))
                .exec()
                .getId();
        try {
            Process nextStart = new ProcessBuilder(
                            "bash", "-c", ". scripts/lib/log.sh; . scripts/lib/java.sh; zl_remove_stale_runs")
                    .redirectErrorStream(true)
                    .start();
            String said = new String(nextStart.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(nextStart.waitFor()).as(said).isZero();
            assertThat(containersOf(own))
                    .as("containers of the live run " + own)
                    .contains(id);
        } finally {
            docker.removeContainerCmd(id).withForce(true).exec();
        }
    }
}
