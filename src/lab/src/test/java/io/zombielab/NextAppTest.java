package io.zombielab;

import io.zombielab.report.MemoryChart;
import io.zombielab.scenario.Scenario;
import io.zombielab.verdict.Verdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The story with its real workload, a Next.js app: every cell of scenarios/next-app.yaml (the truth table,
 * the tree npm -> sh -> next-server checked, growth against the orphans' RssAnon) and next-crash.yaml (the
 * orphan rows run out of memory, the final fix does not). Draws the memory chart of what it ran.
 */
@DisplayName("The real app (Next.js), cell by cell")
@ExtendWith(SkipWithoutCells.class)
@Tag("container")
class NextAppTest {

    private static Lab lab;
    private static final List<Verdict> RUN = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void openLab() {
        lab = Lab.open(Settings.fromEnvironment(), line -> System.out.println("[zombielab] " + line));
    }

    static Stream<Scenario> cells() {
        return TestCells.of(List.of(Path.of("scenarios/next-app.yaml"), Path.of("scenarios/next-crash.yaml")));
    }

    @DisplayName("holds its expectation:")
    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void cellHoldsItsExpectation(Scenario cell) {
        Verdict verdict = lab.run(cell);
        RUN.add(verdict);
        CellCheck.assertHolds(verdict);
    }

    @AfterAll
    static void drawTheChart() {
        if (!RUN.isEmpty()) {
            Path chart = Settings.fromEnvironment()
                    .places()
                    .reports()
                    .write(
                            "next-memory.svg",
                            MemoryChart.svg(
                                    "next-app: anonymous memory per cycle",
                                    RUN.stream().map(Verdict::observation).toList()));
            System.out.println("[zombielab] memory chart of the real app: " + chart);
        }
    }
}
