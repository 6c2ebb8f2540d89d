package io.zombielab.report;

import io.zombielab.observe.ScenarioObservation;
import io.zombielab.verdict.Check;
import io.zombielab.verdict.Judge;
import io.zombielab.verdict.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A matrix run as JUnit XML: a test suite per scenario file ({@code zombielab.matrix.story} for story.yaml),
 * a test case per cell named as the reports name it ({@code stage 1: original code [none/go/pid-kill]}). A
 * cell that does not hold is a failure whose message names the cell and the expectations that broke, and
 * whose text is the evidence the text report prints: the checks, the per-cycle series and the process table.
 * A cell that could not run is an error with its cause.
 */
public final class MatrixJunit {

    /** What CI systems show as the kind of a failure or error. */
    static final String DOES_NOT_HOLD = "DoesNotHold";

    static final String COULD_NOT_RUN = "CouldNotRun";

    private MatrixJunit() {}

    /** The run's cells, in its order, each beside its file; {@code hostname} is where it ran. */
    public static JunitReport report(RunReport run, List<CellResult> cells, String hostname) {
        Map<Path, List<CellResult>> byFile = new LinkedHashMap<>();
        cells.forEach(
                c -> byFile.computeIfAbsent(c.file(), f -> new ArrayList<>()).add(c));
        Instant started = run.finishedAt().minus(run.took());
        List<JunitReport.Suite> suites = new ArrayList<>();
        byFile.forEach((file, results) -> {
            String suite = classname(file);
            List<JunitReport.Case> cases =
                    results.stream().map(r -> testCase(suite, r)).toList();
            // The cells' own durations: with --parallel they overlap, so this is the work done, not the wall time.
            Duration time =
                    cases.stream().map(c -> c.time().orElse(Duration.ZERO)).reduce(Duration.ZERO, Duration::plus);
            suites.add(new JunitReport.Suite(
                    suite,
                    hostname,
                    started,
                    time,
                    Map.of(
                            "zombielab.run",
                            run.runId(),
                            "zombielab.scenario-file",
                            file.toString(),
                            "zombielab.observed-by",
                            run.observedBy()),
                    cases));
        });
        return new JunitReport("zombielab " + run.title(), run.took(), suites);
    }

    /**
     * "zombielab.matrix.story": CI systems split a classname at its dots into package and class, so a dot in
     * the file's name ("my.cells.yaml") would make a package of part of it.
     */
    static String classname(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return "zombielab.matrix." + name.replace('.', '_');
    }

    private static JunitReport.Case testCase(String classname, CellResult result) {
        if (result instanceof CellResult.CouldNotRun failed) {
            CellError e = failed.error();
            String cell = e.name() + " [" + e.id() + "]";
            String firstLine = e.cause().lines().findFirst().orElse("");
            return new JunitReport.Case(
                    classname,
                    cell,
                    Optional.empty(),
                    new JunitReport.Result.Errored(
                            "scenario " + cell + " could not run: " + firstLine, COULD_NOT_RUN, e.line()),
                    "");
        }
        Verdict v = ((CellResult.Judged) result).verdict();
        ScenarioObservation o = v.observation();
        JunitReport.Result outcome = v.holds()
                ? new JunitReport.Result.Passed()
                : new JunitReport.Result.Failed(failureMessage(v), DOES_NOT_HOLD, evidence(v));
        return new JunitReport.Case(classname, o.scenario().toString(), Optional.of(o.elapsed()), outcome, observed(v));
    }

    /** "scenario stage 2: ... [none/go/pgid-term] does not hold: zombies: expected 6, observed 5; ...". */
    static String failureMessage(Verdict v) {
        return "scenario " + v.observation().scenario() + " does not hold: "
                + v.checks().stream()
                        .filter(c -> !c.passed())
                        .map(c -> c.name() + ": expected " + c.expectedText() + ", observed " + c.observedText())
                        .collect(Collectors.joining("; "));
    }

    /** What the text report prints for a cell that does not hold, and the per-cycle series. */
    private static String evidence(Verdict v) {
        ScenarioObservation o = v.observation();
        return v.explain() + o.spawnFailure().map(f -> "\nended at " + f).orElse("") + "\nper cycle:\n"
                + Judge.series(o.samples());
    }

    /** The cell's row in words, and its checks: what CI shows beside a cell that holds. */
    private static String observed(Verdict v) {
        MatrixRow r = MatrixRow.of(v);
        return r.cell().id() + ": " + r.cycles().text(" (ended early)") + " cycles; zombies "
                + r.left().zombies().spelled() + "; live orphans "
                + r.left().liveOrphans().spelled() + "; memory " + r.left().growth() + " per cycle; leak "
                + r.left().leak() + " per cycle; pids "
                + r.left().pidsText() + "; observed by the " + r.probe() + " probe\n"
                + v.checks().stream().map(Check::line).collect(Collectors.joining("\n")) + "\n";
    }
}
