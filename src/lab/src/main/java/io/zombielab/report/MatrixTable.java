package io.zombielab.report;

import io.zombielab.observe.ScenarioObservation;
import io.zombielab.verdict.Judge;
import io.zombielab.verdict.Verdict;
import java.util.List;

/**
 * The matrix as a terminal table: one row per cell, observed values with the expectation beside them.
 * CYCLES is completed/planned, with "!" when the run ended early (see {@link #spawnFailures}). MEM/CYCLE is
 * the growth of the container's anonymous memory, fitted over every cycle; LEAK/CYCLE what the live
 * orphans hold by the process table (their RssAnon), per cycle: the two agree when orphans are the leak.
 */
public final class MatrixTable {

    private static final String ROW = "%-12s %-10s %-7s %-8s %-9s %13s %11s %6s  %-7s %s%n";

    private MatrixTable() {
    }

    public static String render(List<Verdict> verdicts) {
        StringBuilder out = new StringBuilder(String.format(ROW,
                "REAPER", "KILL", "CYCLES", "ZOMBIES", "ORPHANS", "MEM/CYCLE", "LEAK/CYCLE", "PIDS", "VERDICT", "CELL"));
        for (Verdict v : verdicts) {
            ScenarioObservation o = v.observation();
            out.append(String.format(ROW,
                    o.scenario().reaper().id(),
                    o.scenario().kill().id(),
                    o.completedCycles() + "/" + o.scenario().cycles() + (o.spawnFailure().isPresent() ? "!" : ""),
                    observedVsExpected(o.finalCensus().zombies().size(), Judge.expectedZombies(o)),
                    observedVsExpected(o.finalCensus().liveOrphans().size(), Judge.expectedLiveOrphans(o)),
                    String.format("%+.1f MiB", v.memoryGrowthBytesPerCycle() / (1024 * 1024)),
                    String.format("%.1f MiB", o.leakedRssAnonBytesPerCycle() / (1024 * 1024)),
                    o.finalSnapshot().cgroup().pidsCurrent(),
                    v.holds() ? "holds" : "FAILS",
                    o.scenario().name()));
        }
        return out.toString();
    }

    /** One line per cell whose run ended early: at which cycle, and what was seen. */
    public static List<String> spawnFailures(List<Verdict> verdicts) {
        return verdicts.stream().map(Verdict::observation).filter(o -> o.spawnFailure().isPresent())
                .map(o -> o.scenario() + ": ended at " + o.spawnFailure().get()).toList();
    }

    /** The process trees the workloads made, as observed (one line per distinct tree and workload). */
    public static List<String> trees(List<Verdict> verdicts) {
        return verdicts.stream().map(Verdict::observation)
                .map(o -> "process tree of " + o.scenario().workload().id() + " (observed): " + o.tree().names())
                .distinct().toList();
    }

    private static String observedVsExpected(int observed, int expected) {
        return observed == expected ? Integer.toString(observed) : observed + " (!=" + expected + ")";
    }
}
