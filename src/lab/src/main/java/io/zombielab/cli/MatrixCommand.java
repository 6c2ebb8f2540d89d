package io.zombielab.cli;

import io.zombielab.Lab;
import io.zombielab.image.ProjectLayout;
import io.zombielab.report.CellError;
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

    /** How the result is printed: the table (default), one summary line, or the JSON report. */
    enum Output { TABLE, QUIET, JSON }

    static Function<Lab, Integer> reproduce(List<String> args, PrintStream out, PrintStream err) {
        Output output = Output.TABLE;
        int parallel = Parallelism.fromEnvironment();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--parallel")) {
                parallel = Parallelism.parse(i + 1 < args.size() ? args.get(++i) : null, "--parallel");
                continue;
            }
            output = outputOption(arg, output).orElseThrow(() -> new Main.UsageException(
                    "reproduce takes only --parallel N, --quiet or --json, not '" + arg + "'"));
        }
        return prepare(List.of(ProjectLayout.current().scenarios().resolve("story.yaml")), ReaperFilter.ALL, Shard.ALL, true,
                output, parallel, out, err);
    }

    /** {@code --quiet} or {@code --json}, if {@code arg} is one; the two exclude each other. */
    static java.util.Optional<Output> outputOption(String arg, Output current) {
        Output wanted = switch (arg) {
            case "--quiet" -> Output.QUIET;
            case "--json" -> Output.JSON;
            default -> null;
        };
        if (wanted != null && current != Output.TABLE && current != wanted) {
            throw new Main.UsageException("--quiet and --json exclude each other");
        }
        return java.util.Optional.ofNullable(wanted);
    }

    /** {@code matrix [--reaper ID]... [--scenarios] [FILE...]}: the cells of the files, or of every scenarios/*.yaml. */
    static Function<Lab, Integer> matrix(List<String> args, PrintStream out, PrintStream err) {
        List<String> reapers = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        Output output = Output.TABLE;
        int parallel = Parallelism.fromEnvironment();
        Shard shard = shardFromEnvironment();
        for (int i = 0; i < args.size(); i++) {
            var mode = outputOption(args.get(i), output);
            if (mode.isPresent()) {
                output = mode.get();
            } else if (args.get(i).equals("--parallel")) {
                parallel = Parallelism.parse(i + 1 < args.size() ? args.get(++i) : null, "--parallel");
            } else if (args.get(i).equals("--shard")) {
                shard = shard(i + 1 < args.size() ? args.get(++i) : null);
            } else if (args.get(i).equals("--reaper")) {
                if (i + 1 == args.size()) {
                    throw new Main.UsageException("--reaper needs a reaper id, e.g. --reaper tini");
                }
                reapers.add(args.get(++i));
            } else if (args.get(i).equals("--scenarios")) {
                continue; // optional word before the files: `matrix --scenarios a.yaml b.yaml`
            } else if (args.get(i).startsWith("--")) {
                throw new Main.UsageException("unknown option '" + args.get(i) + "' for matrix");
            } else {
                files.add(Path.of(args.get(i)));
            }
        }
        return prepare(files.isEmpty() ? allScenarioFiles() : files,
                reapers.isEmpty() ? filterFromEnvironment() : filter(String.join(",", reapers), "--reaper"), shard, false,
                output, parallel, out, err);
    }

    private static ReaperFilter filterFromEnvironment() {
        try {
            return ReaperFilter.fromEnvironment();
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException(e.getMessage(), false);
        }
    }

    private static Shard shardFromEnvironment() {
        try {
            return Shard.fromEnvironment();
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException(e.getMessage(), false);
        }
    }

    private static Shard shard(String value) {
        if (value == null) {
            throw new Main.UsageException("--shard needs K/N (job K of N, e.g. 2/4)");
        }
        try {
            return Shard.parse(value, "--shard");
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException(e.getMessage());
        }
    }

    private static ReaperFilter filter(String ids, String source) {
        try {
            return ReaperFilter.parse(ids, source);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException(e.getMessage());
        }
    }

    private static Function<Lab, Integer> prepare(List<Path> files, ReaperFilter filter, Shard shard, boolean story,
                                                  Output output, int parallel, PrintStream out, PrintStream err) {
        List<Scenario> filtered;
        try {
            filtered = filter.apply(ScenarioFiles.load(files));
        } catch (ScenarioFileException e) {
            throw new Main.UsageException(e.getMessage() + "\nnothing was run.", false);
        }
        if (filtered.isEmpty()) {
            throw new Main.UsageException("no cell of " + files + " has a reaper in " + filter.reapers()
                    + "\nnothing was run.", false);
        }
        List<Scenario> cells = shard.select(filtered);
        if (cells.isEmpty()) {
            throw new Main.UsageException("shard " + shard + " of " + filtered.size() + " cells is empty: use fewer shards"
                    + "\nnothing was run.", false);
        }
        return lab -> run(lab, cells, files, story, output, parallel, out, err);
    }

    /** Every scenarios/*.yaml of the checkout: the default matrix. */
    static List<Path> allScenarioFiles() {
        try (Stream<Path> list = Files.list(ProjectLayout.current().scenarios())) {
            return list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int run(Lab lab, List<Scenario> cells, List<Path> files, boolean story, Output output, int parallel,
                           PrintStream out, PrintStream err) {
        long started = System.nanoTime();
        PrintStream progress = output == Output.QUIET ? new PrintStream(java.io.OutputStream.nullOutputStream()) : err;
        if (parallel > 1) {
            progress.printf("[zombielab] %d cells, %d at a time%n", cells.size(), parallel);
        }
        List<Verdict> verdicts = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<CellError> couldNotRun = new ArrayList<>();
        for (CellPool.Outcome outcome : new CellPool(lab, parallel, progress).run(cells)) {
            if (outcome.error() != null) {
                errors.add(outcome.error().line());
                couldNotRun.add(outcome.error());
            } else {
                verdicts.add(outcome.verdict());
                if (!outcome.verdict().holds()) {
                    errors.add(outcome.verdict().explain());
                }
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        RunReport report = new RunReport(files.stream().map(f -> f.getFileName().toString()).toList().toString(),
                lab.runId(), Instant.now(), took, verdicts, couldNotRun, story ? StoryReading.read(verdicts) : List.of());
        Path folder = ReportFolder.writeAll(report);
        String summary = String.format("%d of %d cells hold; %.0f s", report.holding(), cells.size(), took.toMillis() / 1000.0);
        switch (output) {
            case JSON -> out.print(JsonReport.render(report));
            case QUIET -> out.println(summary);
            case TABLE -> {
                printTable(out, report, files, errors);
                out.println("\nreports: " + folder + "/ (report.html, matrix.md, report.json, memory.svg, matrix.txt)");
                out.printf("%n%s%n", summary);
            }
        }
        return errors.isEmpty() ? ExitCode.OK : ExitCode.FAILED;
    }

    private static void printTable(PrintStream out, RunReport report, List<Path> files, List<String> errors) {
        List<Verdict> verdicts = report.verdicts();
        out.println();
        out.println("zombielab: " + report.cells() + " cells from " + files.stream().map(Path::toString).toList()
                + " (run " + report.runId() + ")");
        out.println("observed by the " + report.observedBy());
        out.println();
        out.print(MatrixTable.render(verdicts));
        out.println();
        MatrixTable.trees(verdicts).forEach(out::println);
        List<String> spawnFailures = MatrixTable.spawnFailures(verdicts);
        if (!spawnFailures.isEmpty()) {
            out.println();
            spawnFailures.forEach(out::println);
        }
        if (!report.reading().isEmpty()) {
            out.println();
            report.reading().forEach(out::println);
        }
        errors.forEach(e -> out.println("\n" + e));
    }

    /** "elapsed 40 s, about 80 s left": the rest estimated from the mean time of the cells done. */
    static String elapsedAndRemaining(long startedNanos, int done, int total) {
        double elapsed = (System.nanoTime() - startedNanos) / 1e9;
        double left = elapsed / done * (total - done);
        return String.format("elapsed %.0f s", elapsed) + (done == total ? "" : String.format(", about %.0f s left", left));
    }
}
