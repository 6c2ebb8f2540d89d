package io.zombielab.report;

import io.zombielab.observe.ScenarioObservation;
import io.zombielab.verdict.Verdict;
import java.util.List;

/** The matrix as a terminal table: one row per cell, observed values with the expectation beside them. */
public final class MatrixTable {

    private static final String ROW = "%-12s %-10s %-8s %-9s %13s %6s  %-7s %s%n";

    private MatrixTable() {
    }

    public static String render(List<Verdict> verdicts) {
        StringBuilder out = new StringBuilder(String.format(ROW,
                "REAPER", "KILL", "ZOMBIES", "ORPHANS", "MEM/CYCLE", "PIDS", "VERDICT", "STAGE OF THE STORY"));
        for (Verdict v : verdicts) {
            ScenarioObservation o = v.observation();
            var expected = o.scenario().expectation();
            out.append(String.format(ROW,
                    o.scenario().reaper().id(),
                    o.scenario().kill().id(),
                    observedVsExpected(o.finalCensus().zombies().size(), expected.zombies()),
                    observedVsExpected(o.finalCensus().liveOrphans().size(), expected.liveOrphans()),
                    String.format("%+.1f MiB", v.memoryGrowthBytesPerCycle() / (1024 * 1024)),
                    o.finalSnapshot().cgroup().pidsCurrent(),
                    v.holds() ? "holds" : "FAILS",
                    o.scenario().name()));
        }
        return out.toString();
    }

    private static String observedVsExpected(int observed, int expected) {
        return observed == expected ? Integer.toString(observed) : observed + " (!=" + expected + ")";
    }
}
