package io.zombielab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class SpeedTableTest {

    /** What report.json holds of a run, as much as the table reads of it. */
    private static final ReportDocument HARNESS = ReportJson.parse("""
            {"runId": "r1", "verdicts": [
              {"id": "none/go/pid-kill", "seconds": 3.0},
              {"id": "tini/go/pgid-term", "seconds": 2.0},
              {"id": "none/go/pid-kill", "seconds": 6.0}]}
            """, "test");

    @Test
    @DisplayName("cells are matched by id, repeats in order; ratio is harness over baseline")
    void matchesAndDivides() {
        SpeedTable table = SpeedTable.of(
                HARNESS,
                List.of(
                        "none/go/pid-kill\t4.00\t0\t3",
                        "tini/go/pgid-term\t1.00\t0\t1",
                        "none/go/pid-kill\t8.00\t0\t3"));
        assertThat(table.rows())
                .extracting(SpeedTable.Row::cell)
                .containsExactly("none/go/pid-kill", "tini/go/pgid-term", "none/go/pid-kill #2");
        assertThat(table.rows()).extracting(SpeedTable.Row::ratio).containsExactly(0.75, 2.0, 0.75);
        assertThat(table.medianRatio()).isEqualTo(0.75);
        assertThat(table.cellsSlowerThanBaseline()).isEqualTo(1);
        assertThat(table.render())
                .contains("all 3 cells", "11.0 s", "13.0 s", "0.85", "cells where the harness is slower: 1 of 3");
    }

    @Test
    @DisplayName("a cell the baseline did not run is left out, not compared with nothing")
    void unmatchedLeftOut() {
        SpeedTable table = SpeedTable.of(HARNESS, List.of("tini/go/pgid-term\t1.00\t0\t1"));
        assertThat(table.rows()).hasSize(1);
    }
}
