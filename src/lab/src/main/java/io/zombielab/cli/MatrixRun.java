package io.zombielab.cli;

import io.zombielab.Lab;
import io.zombielab.Settings;
import io.zombielab.image.ProjectLayout;
import io.zombielab.report.CellError;
import io.zombielab.report.CellResult;
import io.zombielab.report.JsonReport;
import io.zombielab.report.MatrixTable;
import io.zombielab.report.ReportFolder;
import io.zombielab.report.RunReport;
import io.zombielab.report.StoryReading;
import io.zombielab.scenario.ReaperFilter;
import io.zombielab.scenario.Scenario;
import io.zombielab.scenario.ScenarioFileException;
import io.zombielab.scenario.ScenarioFiles;
import io.zombielab.scenario.Shard;
import io.zombielab.verdict.Verdict;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** What reproduce and matrix share: the cells of scenario files, checked before anything runs; run; the matrix printed. */
final class MatrixRun {

    private final List<Path> files;
    private final List<ScenarioFiles.FileCell> cells;
    private final boolean story;
    private final ReportFolder reports;

    private MatrixRun(List<Path> files, List<ScenarioFiles.FileCell> cells, boolean story, ReportFolder reports) {
        this.files = files;
        this.cells = cells;
        this.story = story;
        this.reports = reports;
    }

    /**
     * The cells of {@code files} (every scenarios/*.yaml of zombielab's home when none) the filter and shard keep;
     * refused when none. Its reports go where {@code places} says.
     */
    static MatrixRun of(Settings.Places places, List<Path> files, ReaperFilter filter, Shard shard, boolean story) {
        List<Path> named = files.isEmpty() ? allScenarioFiles(places.layout()) : files;
        List<ScenarioFiles.FileCell> filtered;
        try {
            filtered = ScenarioFiles.loadWithFiles(named).stream().filter(c -> filter.admits(c.scenario().reaper())).toList();
        } catch (ScenarioFileException e) {
            throw new UsageException(e.getMessage() + "\nnothing was run.", false);
        }
        if (filtered.isEmpty()) {
            throw new UsageException("no cell of " + named + " has a reaper in " + filter.reapers() + "\nnothing was run.", false);
        }
        List<ScenarioFiles.FileCell> cells = shard.select(filtered);
        if (cells.isEmpty()) {
            throw new UsageException("shard " + shard + " of " + filtered.size() + " cells is empty: use fewer shards"
                    + "\nnothing was run.", false);
        }
        return new MatrixRun(named, cells, story, places.reports());
    }

    /** Every scenarios/*.yaml of the checkout: the default matrix. */
    static List<Path> allScenarioFiles(ProjectLayout layout) {
        try (Stream<Path> list = Files.list(layout.scenarios())) {
            return list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Scenario> cells() {
        return cells.stream().map(ScenarioFiles.FileCell::scenario).toList();
    }

    int run(Lab lab, Options.Output output, int parallel, Options.JunitMixin junit, PrintWriter out, PrintWriter err) {
        long started = System.nanoTime();
        PrintWriter progress = output == Options.Output.QUIET ? new PrintWriter(OutputStream.nullOutputStream()) : err;
        if (parallel > 1) {
            progress.printf("[zombielab] %d cells, %d at a time%n", cells.size(), parallel);
        }
        List<Verdict> verdicts = new ArrayList<>();
        List<CellError> couldNotRun = new ArrayList<>();
        // In the order the cells are in the files: what broke each that did not hold, or could not run.
        List<String> problems = new ArrayList<>();
        List<CellResult> results = new ArrayList<>();
        List<CellPool.Outcome> outcomes = new CellPool(lab, parallel, progress).run(cells());
        for (int i = 0; i < outcomes.size(); i++) {
            CellPool.Outcome outcome = outcomes.get(i);
            Path file = cells.get(i).file(); // outcomes come back in the cells' order
            if (outcome.error() != null) {
                couldNotRun.add(outcome.error());
                problems.add(outcome.error().line());
                results.add(new CellResult.CouldNotRun(file, outcome.error()));
            } else {
                results.add(new CellResult.Judged(file, outcome.verdict()));
                verdicts.add(outcome.verdict());
                if (!outcome.verdict().holds()) {
                    problems.add(outcome.verdict().explain());
                }
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        RunReport report = new RunReport(files.stream().map(f -> f.getFileName().toString()).toList().toString(),
                lab.runId(), Instant.now(), took, verdicts, couldNotRun, story ? StoryReading.read(verdicts) : List.of());
        Path folder = reports.writeAll(report);
        String summary = String.format("%d of %d cells hold; %.0f s", report.holding(), cells.size(), took.toMillis() / 1000.0);
        switch (output) {
            case JSON -> out.print(JsonReport.render(report));
            case QUIET -> out.println(summary);
            case TABLE -> {
                printTable(out, report, problems);
                out.println("\nreports: " + folder + "/ (report.html, matrix.md, report.json, memory.svg, matrix.txt)");
                out.printf("%n%s%n", summary);
            }
        }
        junit.writeMatrix(report, results);
        return report.allHold() ? ExitCode.OK : ExitCode.FAILED;
    }

    private void printTable(PrintWriter out, RunReport report, List<String> problems) {
        out.println();
        out.println("zombielab: " + report.cells() + " cells from " + files.stream().map(Path::toString).toList()
                + " (run " + report.runId() + ")");
        out.println("observed by the " + report.observedBy());
        out.println();
        out.print(MatrixTable.render(report.rows()));
        out.println();
        MatrixTable.trees(report.verdicts()).forEach(out::println);
        List<String> endedEarly = MatrixTable.spawnFailures(report.rows());
        if (!endedEarly.isEmpty()) {
            out.println();
            endedEarly.forEach(out::println);
        }
        if (!report.reading().isEmpty()) {
            out.println();
            report.reading().forEach(out::println);
        }
        problems.forEach(p -> out.println("\n" + p));
    }
}
