package io.zombielab;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;

/** A container test whose shard or filter leaves it no cell is reported skipped, with why; one with cells runs them. */
@Tag("unit")
@DisplayName("A container test class with no cell for this job")
class SkipWithoutCellsTest {

    @Test
    @DisplayName("is skipped, naming the filter and the shard")
    void noCellIsSkipped() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(NoCells.class))
                .execute()
                .containerEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                container("cell"),
                                skippedWithReason(
                                        r -> r.startsWith("no cell of NoCells for this job: ZOMBIELAB_REAPERS=")
                                                && r.contains(", ZOMBIELAB_SHARD="))));
    }

    @Test
    @DisplayName("with cells: each runs, nothing is skipped (the negative control)")
    void cellsRun() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(TwoCells.class))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(2).succeeded(2).skipped(0));
    }

    @ExtendWith(SkipWithoutCells.class)
    static class NoCells {
        static Stream<String> cells() {
            return Stream.empty();
        }

        @ParameterizedTest
        @MethodSource("cells")
        void cell(String cell) {}
    }

    @ExtendWith(SkipWithoutCells.class)
    static class TwoCells {
        static Stream<String> cells() {
            return Stream.of("a", "b");
        }

        @ParameterizedTest
        @MethodSource("cells")
        void cell(String cell) {}
    }
}
