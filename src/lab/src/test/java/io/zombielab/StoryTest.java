package io.zombielab;

import io.zombielab.scenario.Scenario;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The story of shared/seed in real containers: each cell starts the Go supervisor under a reaper, runs three
 * stop/start cycles of the chain, and must show the truth table's exact zombie and orphan counts and memory trend.
 * No engine means every cell fails with the reason; nothing is skipped.
 */
@DisplayName("The story, cell by cell")
class StoryTest {

    private static Lab lab;

    @BeforeAll
    static void openLab() {
        lab = Lab.open(Settings.fromEnvironment(), line -> System.out.println("[zombielab] " + line));
    }

    static Stream<Scenario> cells() {
        return TestCells.of(List.of(Path.of("scenarios/story.yaml")));
    }

    @DisplayName("holds its row of the truth table:")
    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("cells")
    void cellShowsWhatTheTruthTableSays(Scenario cell) {
        CellCheck.assertHolds(lab.run(cell));
    }
}
