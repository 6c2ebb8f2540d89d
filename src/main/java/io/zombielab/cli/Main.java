package io.zombielab.cli;

import io.zombielab.Lab;
import io.zombielab.engine.DockerEngine;
import io.zombielab.image.ImageCatalog;
import io.zombielab.report.MatrixTable;
import io.zombielab.report.StoryReading;
import io.zombielab.scenario.Scenario;
import io.zombielab.scenario.Story;
import io.zombielab.verdict.Verdict;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1 || !args[0].equals("reproduce")) {
            err.println("usage: zombielab reproduce\n"
                    + "  reproduce  runs the story's three stages (and the init-alone cells) in containers and prints the matrix");
            return USAGE;
        }
        return reproduce(out, err);
    }

    private static int reproduce(PrintStream out, PrintStream err) {
        long started = System.nanoTime();
        Lab lab;
        try {
            lab = Lab.open(line -> err.println("[zombielab] " + line));
        } catch (DockerEngine.EngineUnavailableException | ImageCatalog.ImageBuildException e) {
            err.println("[zombielab] ERROR: " + e.getMessage());
            return ENVIRONMENT;
        }
        List<Scenario> cells = Story.cells();
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
        out.println("zombielab reproduce: the story of shared/seed, " + Story.CYCLES + " stop/start cycles per cell, "
                + "chain npm -> sh -> node -> node, 32 MiB ballast per node level (run " + lab.runId() + ")");
        out.println();
        out.print(MatrixTable.render(verdicts));
        out.println();
        StoryReading.read(verdicts).forEach(out::println);
        errors.forEach(e -> out.println("\n" + e));
        out.printf("%n%d of %d cells hold; %.0f s%n", verdicts.stream().filter(Verdict::holds).count(), cells.size(),
                Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0);
        return errors.isEmpty() ? OK : CELL_FAILED;
    }
}
