package io.zombielab;

import static org.assertj.core.api.Assertions.assertThat;

import io.zombielab.engine.DockerEngine;
import io.zombielab.image.Labels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench/baseline, the shell script bench/speed compares the harness with, runs a planned cell and cleans up. */
@DisplayName("bench/baseline runs the cells of a plan with the docker CLI alone")
@Tag("container")
class BaselineScriptTest {

    @Test
    @DisplayName("the story's stage 2 cell: a line with its id, seconds and its 6 zombies; no container left")
    void runsAPlannedCell(@TempDir Path dir) throws Exception {
        Path plan = dir.resolve("plan.tsv");
        Path cell = dir.resolve("cell.yaml");
        Files.writeString(cell, "scenarios:\n  - reaper: none\n    kill: pgid-term\n    cycles: 3\n");
        try (HarnessProcess planner = HarnessProcess.start(Map.of(), List.of(), "plan", cell.toString())) {
            assertThat(planner.awaitExit(Duration.ofMinutes(2)))
                    .as(planner.stderr())
                    .isZero();
            Files.writeString(plan, planner.stdout());
        }
        Process baseline = new ProcessBuilder("bench/baseline", plan.toString())
                .redirectErrorStream(true)
                .start();
        String said = new String(baseline.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(baseline.waitFor()).as(said).isZero();
        assertThat(said).matches("none/go/pgid-term\\t\\d+\\.\\d\\d\\t6\\t\\d+\\n");
        assertThat(DockerEngine.client(Settings.fromEnvironment().engine())
                        .listContainersCmd()
                        .withShowAll(true)
                        .withLabelFilter(Map.of(Labels.SCENARIO, "none/go/pgid-term"))
                        .exec()
                        .stream()
                        .filter(c -> c.getLabels().getOrDefault(Labels.RUN, "").startsWith("bench-"))
                        .toList())
                .as("bench containers left")
                .isEmpty();
    }
}
