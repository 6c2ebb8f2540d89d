package io.zombielab.cli;

import io.zombielab.Lab;
import io.zombielab.engine.DockerEngine;
import io.zombielab.image.ImageCatalog;
import io.zombielab.report.MatrixTable;
import io.zombielab.report.StoryReading;
import io.zombielab.image.ProjectLayout;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code zombielab} command. Exit codes: 0 every cell holds; 1 a cell does not hold or could not
 * run; 2 usage error; 3 the environment is not ready (no engine, no base image).
 */
public final class Main {

    static final int OK = 0, CELL_FAILED = 1, USAGE = 2, ENVIRONMENT = 3;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static final String USAGE_TEXT = """
            usage: zombielab reproduce
                   zombielab matrix [SCENARIO_FILE...]
              reproduce  runs the story's cells (scenarios/story.yaml) in containers and prints the matrix
              matrix     runs the cells of the given scenario files (default: every scenarios/*.yaml)""";

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        ProjectLayout layout = ProjectLayout.current();
        List<Path> files;
        switch (args[0]) {
            case "reproduce" -> {
                if (!rest.isEmpty()) {
                    err.println("zombielab reproduce takes no arguments\n" + USAGE_TEXT);
                    return USAGE;
                }
                files = List.of(layout.scenarios().resolve("story.yaml"));
            }
            case "matrix" -> files = rest.isEmpty() ? allScenarioFiles(layout) : rest.stream().map(Path::of).toList();
            default -> {
                err.println("unknown command '" + args[0] + "'\n" + USAGE_TEXT);
                return USAGE;
            }
        }
        List<Scenario> cells;
        try {
            cells = ScenarioFiles.load(files);
        } catch (ScenarioFileException e) {
            err.println("[zombielab] ERROR: " + e.getMessage());
            err.println("[zombielab] nothing was run.");
            return USAGE;
        }
        return runCells(cells, files, args[0].equals("reproduce"), out, err);
    }

    private static List<Path> allScenarioFiles(ProjectLayout layout) {
        try (Stream<Path> list = Files.list(layout.scenarios())) {
            return list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int runCells(List<Scenario> cells, List<Path> files, boolean story, PrintStream out, PrintStream err) {
        long started = System.nanoTime();
        Lab lab;
        try {
            lab = Lab.open(line -> err.println("[zombielab] " + line));
        } catch (DockerEngine.EngineUnavailableException | ImageCatalog.ImageBuildException e) {
            err.println("[zombielab] ERROR: " + e.getMessage());
            return ENVIRONMENT;
        }
        List<Verdict> verdicts = new ArrayList<>();
        List<String> errors = new ArrayList<>();
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
                errors.add("scenario " + cell + " could not run: " + e.getMessage());
            }
        }
        out.println();
        out.println("zombielab: " + cells.size() + " cells from " + files.stream().map(Path::toString).toList()
                + " (run " + lab.runId() + ")");
        out.println();
        out.print(MatrixTable.render(verdicts));
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
        out.printf("%n%d of %d cells hold; %.0f s%n", verdicts.stream().filter(Verdict::holds).count(), cells.size(),
                Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0);
        return errors.isEmpty() ? OK : CELL_FAILED;
    }
}
