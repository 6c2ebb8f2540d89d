package io.zombielab.report;

import io.zombielab.verdict.Verdict;
import java.util.List;

/**
 * The matrix as a terminal table: one row per cell, observed values with the expectation beside them.
 * CYCLES is completed/planned, with "!" when the run ended early (see {@link #spawnFailures}). MEM/CYCLE is
 * the growth of the container's anonymous memory, fitted over every cycle; LEAK/CYCLE what the live
 * orphans hold by the process table (their RssAnon), per cycle: the two agree when orphans are the leak.
 */
public final class MatrixTable {

    /** The KILL column is as wide as its longest kill, 10 at least (pgid-term-then-kill is 19). */
    private static final String ROW = "%%-12s %%-%ds %%-7s %%-8s %%-9s %%13s %%11s %%6s  %%-7s %%s%%n";

    private MatrixTable() {}

    public static String render(List<MatrixRow> rows) {
        String row = String.format(
                ROW,
                Math.max(
                        10,
                        rows.stream()
                                .mapToInt(r -> r.cell().kill().length())
                                .max()
                                .orElse(0)));
        StringBuilder out = new StringBuilder(String.format(
                row,
                "REAPER",
                "KILL",
                "CYCLES",
                "ZOMBIES",
                "ORPHANS",
                "MEM/CYCLE",
                "LEAK/CYCLE",
                "PIDS",
                "VERDICT",
                "CELL"));
        for (MatrixRow r : rows) {
            out.append(String.format(
                    row,
                    r.cell().reaper(),
                    r.cell().kill(),
                    r.cycles().text("!"),
                    r.left().zombies().terse(),
                    r.left().liveOrphans().terse(),
                    r.left().growth(),
                    r.left().leak(),
                    r.left().pidsText(),
                    r.holds() ? "holds" : "FAILS",
                    r.cell().name()));
        }
        return out.toString();
    }

    /** One line per cell whose run ended early: at which cycle, and what was seen. */
    public static List<String> spawnFailures(List<MatrixRow> rows) {
        return rows.stream()
                .filter(r -> r.cycles().endedEarly().isPresent())
                .map(r -> r.cell().named() + ": ended at "
                        + r.cycles().endedEarly().get())
                .toList();
    }

    /** The process trees the workloads made, as observed (one line per distinct tree and workload). */
    public static List<String> trees(List<Verdict> verdicts) {
        return verdicts.stream()
                .map(Verdict::observation)
                .map(o -> "process tree of " + o.scenario().workload().id() + " (observed): "
                        + o.up().tree().names())
                .distinct()
                .toList();
    }
}
