package io.zombielab.cli;

import io.zombielab.Lab;
import io.zombielab.Settings;
import io.zombielab.image.ProjectLayout;
import io.zombielab.report.CellError;
import io.zombielab.report.CellResult;
import io.zombielab.report.FamilyReport;
import io.zombielab.report.JsonReport;
import io.zombielab.report.MatrixTable;
import io.zombielab.report.PidsChart;
import io.zombielab.report.ReportFolder;
import io.zombielab.report.RunReport;
import io.zombielab.report.StoryReading;
import io.zombielab.scenario.Family;
import io.zombielab.scenario.FamilyCell;
import io.zombielab.scenario.FamilyFiles;
import io.zombielab.scenario.ReaperFilter;
import io.zombielab.scenario.Scenario;
import io.zombielab.scenario.ScenarioFileException;
import io.zombielab.scenario.ScenarioFiles;
import io.zombielab.scenario.Shard;
import io.zombielab.verdict.FamilyVerdict;
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
import java.util.Optional;
import java.util.stream.Stream;

/** What reproduce and matrix share: the cells of scenario files, checked before anything runs; run; the matrix printed. */
final class MatrixRun {

    private final List<Path> files;
    private final List<ScenarioFiles.FileCell> cells;
    private final List<Family> families;
    private final List<FamilyCell> familyCells;
    private final boolean story;
    private final ReportFolder reports;

    private MatrixRun(
            List<Path> files,
            List<ScenarioFiles.FileCell> cells,
            List<Family> families,
            List<FamilyCell> familyCells,
            boolean story,
            ReportFolder reports) {
        this.files = files;
        this.cells = cells;
        this.families = families;
        this.familyCells = familyCells;
        this.story = story;
        this.reports = reports;
    }

    /**
     * The cells of {@code files} (every scenarios/*.yaml of zombielab's home when none) the filter and shard keep;
     * refused when none. Its reports go where {@code places} says.
     */
    static MatrixRun of(Settings.Places places, List<Path> files, ReaperFilter filter, Shard shard, boolean story) {
        return of(places, files, filter, shard, story, Optional.empty());
    }

    /**
     * The same; with {@code family}, only that scenario family's cells (scenarios/families/NAME.yaml). With no
     * files and no family: every scenarios/*.yaml and every family. A file whose first key is {@code family:}
     * is a family's.
     */
    static MatrixRun of(
            Settings.Places places,
            List<Path> files,
            ReaperFilter filter,
            Shard shard,
            boolean story,
            Optional<String> family) {
        ProjectLayout layout = places.layout();
        List<Path> scenarioFiles;
        List<Path> familyFiles;
        if (family.isPresent()) {
            if (!files.isEmpty()) {
                throw new UsageException(
                        "--family " + family.get() + " runs that family's cells: give no scenario file with it"
                                + "\nnothing was run.",
                        true);
            }
            scenarioFiles = List.of();
            familyFiles = List.of(familyFile(layout, family.get()));
        } else if (files.isEmpty()) {
            scenarioFiles = allScenarioFiles(layout);
            familyFiles = allFamilyFiles(layout);
        } else {
            familyFiles = files.stream().filter(FamilyFiles::isFamilyFile).toList();
            scenarioFiles = files.stream().filter(f -> !familyFiles.contains(f)).toList();
        }
        List<Path> named = new ArrayList<>(scenarioFiles);
        named.addAll(familyFiles);
        List<ScenarioFiles.FileCell> filtered;
        List<Family> loaded;
        try {
            filtered = scenarioFiles.isEmpty()
                    ? List.of()
                    : ScenarioFiles.loadWithFiles(scenarioFiles).stream()
                            .filter(c -> filter.admits(c.scenario().reaper()))
                            .toList();
            loaded = FamilyFiles.load(familyFiles);
        } catch (ScenarioFileException e) {
            throw new UsageException(e.getMessage() + "\nnothing was run.", false);
        }
        List<FamilyCell> familyFiltered = loaded.stream()
                .flatMap(f -> f.cells().stream())
                .filter(c -> filter.admits(c.reaper()))
                .toList();
        if (filtered.isEmpty() && familyFiltered.isEmpty()) {
            throw new UsageException(
                    "no cell of " + named + " has a reaper in " + filter.reapers() + "\nnothing was run.", false);
        }
        // One shard list over both kinds of cell, so that every cell is in exactly one shard.
        int total = filtered.size() + familyFiltered.size();
        List<Integer> kept =
                shard.select(java.util.stream.IntStream.range(0, total).boxed().toList());
        if (kept.isEmpty()) {
            throw new UsageException(
                    "shard " + shard + " of " + total + " cells is empty: use fewer shards" + "\nnothing was run.",
                    false);
        }
        List<ScenarioFiles.FileCell> cells = kept.stream()
                .filter(i -> i < filtered.size())
                .map(filtered::get)
                .toList();
        List<FamilyCell> familyCells = kept.stream()
                .filter(i -> i >= filtered.size())
                .map(i -> familyFiltered.get(i - filtered.size()))
                .toList();
        return new MatrixRun(named, cells, loaded, familyCells, story, places.reports());
    }

    /** scenarios/families/NAME.yaml; refused, naming the families there are, when there is none by that name. */
    static Path familyFile(ProjectLayout layout, String name) {
        Path file = layout.scenarios().resolve("families").resolve(name + ".yaml");
        if (!name.matches("[a-z0-9-]+") || !Files.isRegularFile(file)) {
            throw new UsageException(
                    "--family: no scenario family '" + name + "' (known: "
                            + allFamilyFiles(layout).stream()
                                    .map(FamilyFiles::idOf)
                                    .toList() + ")\nnothing was run.",
                    true);
        }
        return file;
    }

    /** Every scenarios/families/*.yaml of the checkout. */
    static List<Path> allFamilyFiles(ProjectLayout layout) {
        Path folder = layout.scenarios().resolve("families");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The family cells this run runs. */
    List<FamilyCell> familyCells() {
        return familyCells;
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
        List<CellResult> results = cells.isEmpty() ? List.of() : new CellPool(lab, parallel, progress).run(cells);
        for (CellResult result : results) {
            if (result instanceof CellResult.CouldNotRun notRun) {
                couldNotRun.add(notRun.error());
                problems.add(notRun.error().line());
            } else if (result instanceof CellResult.Judged judged) {
                verdicts.add(judged.verdict());
                if (!judged.verdict().holds()) {
                    problems.add(judged.verdict().explain());
                }
            }
        }
        FamilyRun families = runFamilies(lab, progress);
        families.errors().forEach(e -> problems.add(e.line()));
        families.verdicts().stream().filter(v -> !v.holds()).forEach(v -> problems.add(v.explain()));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        RunReport report = new RunReport(
                files.stream().map(f -> f.getFileName().toString()).toList().toString(),
                lab.runId(),
                Instant.now(),
                took,
                verdicts,
                couldNotRun,
                story ? StoryReading.read(verdicts) : List.of());
        Path folder = reports.writeAll(
                report,
                families.verdicts().stream()
                        .filter(v -> v.observation().cell().door().costsPids())
                        .map(v -> PidsChart.of(v.observation()))
                        .toList(),
                familyCells.isEmpty() ? "" : FamilyReport.html(familyText(families)));
        writeFamilyReports(families);
        long holding = report.holding()
                + families.verdicts().stream().filter(FamilyVerdict::holds).count();
        String summary = String.format(
                "%d of %d cells hold; %.0f s", holding, cells.size() + familyCells.size(), took.toMillis() / 1000.0);
        switch (output) {
            case JSON -> out.print(JsonReport.render(report));
            case QUIET -> out.println(summary);
            case TABLE -> {
                printTable(out, report, problems, families);
                out.println("\nreports: " + folder
                        + "/ (report.html, matrix.md, report.json, memory.svg, pids.svg, matrix.txt"
                        + (familyCells.isEmpty() ? "" : ", families.txt, families.json") + ")");
                out.printf("%n%s%n", summary);
            }
        }
        junit.writeMatrix(report, results);
        return report.allHold() && families.allHold() ? ExitCode.OK : ExitCode.FAILED;
    }

    /** The family cells' verdicts, and those that could not run. */
    private record FamilyRun(List<FamilyVerdict> verdicts, List<FamilyReport.Error> errors) {
        boolean allHold() {
            return errors.isEmpty() && verdicts.stream().allMatch(FamilyVerdict::holds);
        }
    }

    /** One at a time: a family cell's timing (a stop's seconds, a probe's period) is what it measures. */
    private FamilyRun runFamilies(Lab lab, PrintWriter progress) {
        List<FamilyVerdict> verdicts = new ArrayList<>();
        List<FamilyReport.Error> errors = new ArrayList<>();
        for (int i = 0; i < familyCells.size(); i++) {
            FamilyCell cell = familyCells.get(i);
            progress.printf("[zombielab] family cell %d of %d: %s ...%n", i + 1, familyCells.size(), cell);
            try {
                FamilyVerdict v = lab.run(cell);
                verdicts.add(v);
                progress.printf(
                        "[zombielab] family cell %d of %d: %s in %.1f s%n",
                        i + 1,
                        familyCells.size(),
                        v.holds() ? "holds" : "DOES NOT HOLD",
                        v.observation().elapsed().toMillis() / 1000.0);
            } catch (RuntimeException e) {
                errors.add(new FamilyReport.Error(cell, lab.whyCouldNotRun(e)));
                progress.printf(
                        "[zombielab] family cell %d of %d: ERROR %s%n", i + 1, familyCells.size(), e.getMessage());
            }
            progress.flush();
        }
        return new FamilyRun(verdicts, errors);
    }

    /** families.txt and families.json, where family cells ran. */
    private void writeFamilyReports(FamilyRun run) {
        if (!familyCells.isEmpty()) {
            reports.write("families.txt", familyText(run));
            try {
                reports.write(
                        "families.json",
                        new com.fasterxml.jackson.databind.ObjectMapper()
                                .writerWithDefaultPrettyPrinter()
                                .writeValueAsString(FamilyReport.document(run.verdicts(), run.errors())));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("families.json could not be written: " + e.getMessage(), e);
            }
        }
    }

    private String familyText(FamilyRun run) {
        StringBuilder text = new StringBuilder(FamilyReport.table(run.verdicts(), run.errors()));
        List<String> reading = FamilyReport.reading(families, run.verdicts());
        if (!reading.isEmpty()) {
            text.append('\n');
            reading.forEach(l -> text.append(l).append('\n'));
        }
        return text.toString();
    }

    private void printTable(PrintWriter out, RunReport report, List<String> problems, FamilyRun families) {
        if (!familyCells.isEmpty()) {
            out.println();
            out.println("zombielab: " + familyCells.size() + " family cells (run " + report.runId() + ")");
            out.println();
            out.print(familyText(families));
        }
        if (cells.isEmpty()) {
            problems.forEach(p -> out.println("\n" + p));
            return;
        }
        out.println();
        out.println("zombielab: " + report.cells() + " cells from "
                + files.stream().map(Path::toString).toList() + " (run " + report.runId() + ")");
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
