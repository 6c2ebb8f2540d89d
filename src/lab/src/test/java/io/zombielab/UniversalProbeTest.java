package io.zombielab;

import static org.assertj.core.api.Assertions.assertThat;

import io.zombielab.probe.ProbeChoice;
import io.zombielab.probe.ProbeMode;
import io.zombielab.scenario.Scenario;
import io.zombielab.scenario.ScenarioFiles;
import io.zombielab.verdict.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The universal probe forced where the host probe would be chosen (root, a local engine): what a remote
 * engine, DinD or Docker Desktop gets. The story's cells and every guarded cell that leaves zombies (the cells the
 * exec probe could not observe; all of them with ZOMBIELAB_MATRIX=all, and as a non-root user in NonRootUserTest)
 * must hold exactly as they do with the host probe.
 */
@DisplayName("With the universal probe forced (as on a remote engine)")
@Tag("container")
class UniversalProbeTest {

    private static Lab lab;

    @BeforeAll
    static void openLab() {
        lab = Lab.open(
                Settings.fromEnvironment(), line -> System.out.println("[zombielab] " + line), ProbeChoice.UNIVERSAL);
    }

    static Stream<Scenario> cells() throws IOException {
        Set<Scenario> cells = new LinkedHashSet<>(ScenarioFiles.load(List.of(Path.of("scenarios/story.yaml"))));
        try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
            ScenarioFiles.load(files.filter(f -> f.toString().endsWith(".yaml"))
                            .sorted()
                            .toList())
                    .stream()
                    .filter(c -> c.expectation().zombiesPerCycle() > 0)
                    .filter(c -> c.guard() || TestCells.everyCell(System.getenv(TestCells.MATRIX)))
                    .forEach(cells::add);
        }
        return TestCells.shard(List.copyOf(cells));
    }

    @DisplayName("holds its expectation:")
    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void cellHolds(Scenario cell) {
        Verdict verdict = lab.run(cell);
        assertThat(verdict.observation().probe()).isEqualTo(ProbeMode.UNIVERSAL);
        CellCheck.assertHolds(verdict);
    }
}
