package io.zombielab.cli;

import io.zombielab.Lab;
import io.zombielab.image.ProjectLayout;
import io.zombielab.report.MatrixTable;
import io.zombielab.report.ReportFolder;
import io.zombielab.report.RunReport;
import io.zombielab.report.StoryReading;
import io.zombielab.scenario.ReaperFilter;
import io.zombielab.scenario.Scenario;
import io.zombielab.scenario.ScenarioFileException;
import io.zombielab.scenario.ScenarioFiles;
import io.zombielab.verdict.Verdict;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/** `reproduce` and `matrix`: run scenario cells, print the matrix. Scenario files are checked before anything runs. */
final class MatrixCommand {

    private MatrixCommand() {
    }

    static Function<Lab, Integer> reproduce(List<String> args, PrintStream out, PrintStream err) {
        if (!args.isEmpty()) {
            throw new Main.UsageException("reproduce takes no arguments");
        }
        return prepare(List.of(ProjectLayout.current().scenarios().resolve("story.yaml")), ReaperFilter.ALL, true, out, err);
    }

    /** {@code matrix [--reaper ID[,ID...]]... [FILE...]}: the cells of the files, or of every scenarios/*.yaml. */
    static Function<Lab, Integer> matrix(List<String> args, PrintStream out, PrintStream err) {
        List<String> reapers = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--reaper")) {
                if (i + 1 == args.size()) {
                    throw new Main.UsageException("--reaper needs a reaper id, e.g. --reaper tini");
                }
                reapers.add(args.get(++i));
            } else if (args.get(i).startsWith("--")) {
                throw new Main.UsageException("unknown option '" + args.get(i) + "' for matrix");
            } else {
                files.add(Path.of(args.get(i)));
            }
        }
        return prepare(files.isEmpty() ? allScenarioFiles(ProjectLayout.current()) : files,
                reapers.isEmpty() ? filterFromEnvironment() : filter(String.join(",", reapers), "--reaper"), false, out, err);
    }

    private static ReaperFilter filterFromEnvironment() {
        try {
            return ReaperFilter.fromEnvironment();
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException(e.getMessage(), false);
        }
    }

    private static ReaperFilter filter(String ids, String source) {
        try {
            return ReaperFilter.parse(ids, source);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException(e.getMessage());
        }
    }

    private static Function<Lab, Integer> prepare(List<Path> files, ReaperFilter filter, boolean story, PrintStream out,
                                                  PrintStream err) {
        List<Scenario> cells;
        try {
            cells = filter.apply(ScenarioFiles.load(files));
        } catch (ScenarioFileException e) {
            throw new Main.UsageException(e.getMessage() + "\nnothing was run.", false);
        }
        if (cells.isEmpty()) {
            throw new Main.UsageException("no cell of " + files + " has a reaper in " + filter.reapers()
                    + "\nnothing was run.", false);
        }
        return lab -> run(lab, cells, files, story, out, err);
    }

    private static List<Path> allScenarioFiles(ProjectLayout layout) {
        try (Stream<Path> list = Files.list(layout.scenarios())) {
            return list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int run(Lab lab, List<Scenario> cells, List<Path> files, boolean story, PrintStream out, PrintStream err) {
        long started = System.nanoTime();
        List<Verdict> verdicts = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<String> couldNotRun = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            Scenario cell = cells.get(i);
            err.printf("[zombielab] cell %d of %d: %s ...%n", i + 1, cells.size(), cell);
            try {
                Verdict verdict = lab.run(cell);
                verdicts.add(verdict);
                err.printf("[zombielab] cell %d of %d: %s in %.1f s%n", i + 1, cells.size(),
                        verdict.holds() ? "holds" : "DOES NOT HOLD", verdict.observation().elapsed().toMillis() / 1000.0);
                if (!verdict.holds()) {
                    errors.add(verdict.explain());
                }
            } catch (RuntimeException e) {
                err.printf("[zombielab] cell %d of %d: ERROR %s%n", i + 1, cells.size(), e.getMessage());
                String message = "scenario " + cell + " could not run: " + e.getMessage();
                errors.add(message);
                couldNotRun.add(message);
            }
        }
        out.println();
        out.println("zombielab: " + cells.size() + " cells from " + files.stream().map(Path::toString).toList()
                + " (run " + lab.runId() + ")");
        out.println();
        out.print(MatrixTable.render(verdicts));
        out.println();
        MatrixTable.trees(verdicts).forEach(out::println);
        List<String> spawnFailures = MatrixTable.spawnFailures(verdicts);
        if (!spawnFailures.isEmpty()) {
            out.println();
            spawnFailures.forEach(out::println);
        }
        if (story) {
            out.println();
            StoryReading.read(verdicts).forEach(out::println);
        }
        errors.forEach(e -> out.println("\n" + e));
        RunReport report = new RunReport(files.stream().map(f -> f.getFileName().toString()).toList().toString(),
                lab.runId(), Instant.now(), Duration.ofNanos(System.nanoTime() - started), verdicts, couldNotRun,
                story ? StoryReading.read(verdicts) : List.of());
        Path folder = ReportFolder.writeAll(report);
        out.println("\nreports: " + folder + "/ (report.html, matrix.md, report.json, memory.svg, matrix.txt)");
        out.printf("%n%d of %d cells hold; %.0f s%n", verdicts.stream().filter(Verdict::holds).count(), cells.size(),
                Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0);
        return errors.isEmpty() ? ExitCode.OK : ExitCode.FAILED;
    }
}
