package io.zombielab.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The same cells run K times, compared: a cell flips when its verdict (holds, fails, could not run) is not the
 * same in every run. Reads the report.json of each run back, so it compares runs of separate processes.
 */
public final class FlakeReport {

    /** One run's outcome for one cell: H holds, F fails, E could not run, - not in that run. */
    enum Outcome {
        HOLDS('H'),
        FAILS('F'),
        ERROR('E'),
        ABSENT('-');

        final char letter;

        Outcome(char letter) {
            this.letter = letter;
        }
    }

    /** One cell across the runs, in run order. */
    record CellRuns(String cell, List<Outcome> outcomes, List<String> details) {

        boolean flips() {
            return outcomes.stream().distinct().count() > 1;
        }

        String letters() {
            return outcomes.stream().map(o -> String.valueOf(o.letter)).collect(Collectors.joining());
        }
    }

    private final List<ReportDocument> runs;
    private final List<CellRuns> cells;

    private FlakeReport(List<ReportDocument> runs, List<CellRuns> cells) {
        this.runs = runs;
        this.cells = cells;
    }

    /** @param runs the report.json of each run, read back, in the order they ran */
    public static FlakeReport of(List<ReportDocument> runs) {
        Map<String, Outcome[]> outcomes = new LinkedHashMap<>();
        Map<String, String[]> details = new LinkedHashMap<>();
        for (int r = 0; r < runs.size(); r++) {
            Map<String, Integer> seen = new LinkedHashMap<>();
            for (MatrixRow v : runs.get(r).verdicts()) {
                record(
                        outcomes,
                        details,
                        runs.size(),
                        key(v.cell().name(), v.cell().id(), seen),
                        r,
                        v.holds() ? Outcome.HOLDS : Outcome.FAILS,
                        v.holds() ? "" : failedChecks(v));
            }
            for (CellError e : runs.get(r).errors()) {
                record(outcomes, details, runs.size(), key(e.name(), e.id(), seen), r, Outcome.ERROR, e.cause());
            }
        }
        List<CellRuns> cells = new ArrayList<>();
        outcomes.forEach((cell, o) -> cells.add(new CellRuns(cell, List.of(o), List.of(details.get(cell)))));
        return new FlakeReport(runs, cells);
    }

    private static String key(String name, String id, Map<String, Integer> seen) {
        // Two files may hold a cell of the same name and id (story.yaml and matrix.yaml): number the repeats.
        String key = name + " [" + id + "]";
        int n = seen.merge(key, 1, Integer::sum);
        return n == 1 ? key : key + " #" + n;
    }

    private static void record(
            Map<String, Outcome[]> outcomes,
            Map<String, String[]> details,
            int runs,
            String key,
            int run,
            Outcome outcome,
            String detail) {
        outcomes.computeIfAbsent(key, k -> filled(runs))[run] = outcome;
        details.computeIfAbsent(key, k -> new String[runs])[run] = detail;
    }

    private static Outcome[] filled(int runs) {
        Outcome[] all = new Outcome[runs];
        java.util.Arrays.fill(all, Outcome.ABSENT);
        return all;
    }

    private static String failedChecks(MatrixRow verdict) {
        return verdict.checks().stream()
                .filter(c -> !c.passed())
                .map(c -> c.name() + " " + c.observedText() + " (expected " + c.expectedText() + ")")
                .collect(Collectors.joining("; "));
    }

    public List<String> flippedCells() {
        return cells.stream().filter(CellRuns::flips).map(CellRuns::cell).toList();
    }

    /** Cells that did not hold in at least one run, flipping or not. */
    public long cellsNotAlwaysHolding() {
        return cells.stream()
                .filter(c -> c.outcomes().stream().anyMatch(o -> o != Outcome.HOLDS))
                .count();
    }

    /** The runs, a line each; every flipped cell with its outcome per run and what broke; the count of flips. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("zombielab flakes: %d runs, %d cells%n", runs.size(), cells.size()));
        for (int r = 0; r < runs.size(); r++) {
            ReportDocument run = runs.get(r);
            out.append(String.format(
                    "  run %2d  %-24s %d of %d cells hold, %d could not run, %.1f s%n",
                    r + 1, run.runId(), run.holding(), run.cells(), run.errors().size(), run.seconds()));
        }
        List<CellRuns> flipped = cells.stream().filter(CellRuns::flips).toList();
        List<CellRuns> steadyBroken = cells.stream()
                .filter(c -> !c.flips() && c.outcomes().get(0) != Outcome.HOLDS)
                .toList();
        if (!flipped.isEmpty()) {
            out.append(
                    "\ncells whose verdict changed (H holds, F fails, E could not run, - absent; one letter a run):\n");
            flipped.forEach(c -> describe(out, c));
        }
        if (!steadyBroken.isEmpty()) {
            out.append("\ncells that failed the same way in every run (not flakes, but broken):\n");
            steadyBroken.forEach(c -> describe(out, c));
        }
        out.append(
                String.format("%n%d verdict flips in %d cells x %d runs%n", flipped.size(), cells.size(), runs.size()));
        return out.toString();
    }

    private static void describe(StringBuilder out, CellRuns c) {
        out.append("  ").append(c.letters()).append("  ").append(c.cell()).append('\n');
        for (int r = 0; r < c.details().size(); r++) {
            String d = c.details().get(r);
            if (d != null && !d.isEmpty()) {
                out.append("      run ").append(r + 1).append(": ").append(d).append('\n');
            }
        }
    }
}
