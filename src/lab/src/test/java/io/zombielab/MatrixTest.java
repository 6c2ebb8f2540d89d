package io.zombielab;

import io.zombielab.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cells of every scenarios/*.yaml but the story's and the real app's (StoryTest and NextAppTest run those):
 * those marked {@code guard: true}, or every one with ZOMBIELAB_MATRIX=all ({@code ./zombielab matrix} runs them all).
 */
@DisplayName("The matrix, cell by cell")
@ExtendWith(SkipWithoutCells.class)
@Tag("container")
class MatrixTest {

    private static Lab lab;

    @BeforeAll
    static void openLab() {
        lab = Lab.open(Settings.fromEnvironment(), line -> System.out.println("[zombielab] " + line));
    }

    static Stream<Scenario> cells() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
            List<Path> others = files.filter(p -> p.toString().endsWith(".yaml"))
                    .filter(p -> !p.getFileName().toString().equals("story.yaml"))
                    .filter(p -> !p.getFileName().toString().startsWith("next-"))
                    .sorted()
                    .toList();
            return TestCells.guarded(others);
        }
    }

    @DisplayName("holds its expectation:")
    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void cellHoldsItsExpectation(Scenario cell) {
        CellCheck.assertHolds(lab.run(cell));
    }
}
