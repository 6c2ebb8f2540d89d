package io.zombielab.cli;

import io.zombielab.Lab;
import io.zombielab.report.CellError;
import io.zombielab.scenario.Scenario;
import io.zombielab.verdict.Verdict;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs cells, {@code parallel} at a time, each in a container of its own; images are built once and shared
 * (ImageCatalog). Results come back in the cells' order, whatever order they finished in.
 */
final class CellPool {

    /** A cell's result: its verdict, or why it could not run. */
    record Outcome(Scenario cell, Verdict verdict, CellError error) {
    }

    private final Lab lab;
    private final int parallel;
    private final PrintWriter progress;

    CellPool(Lab lab, int parallel, PrintWriter progress) {
        this.lab = lab;
        this.parallel = parallel;
        this.progress = progress;
    }

    List<Outcome> run(List<Scenario> cells) {
        long started = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "zombielab-cell");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                int number = i + 1;
                Scenario cell = cells.get(i);
                futures.add(pool.submit(() -> {
                    progress.printf("[zombielab] cell %d of %d: %s ...%n", number, cells.size(), cell);
                    Outcome outcome = runOne(cell);
                    progress.printf("[zombielab] cell %d of %d: %s (%s)%n", number, cells.size(), describe(outcome),
                            elapsedAndRemaining(started, done.incrementAndGet(), cells.size()));
                    return outcome;
                }));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while cells were running", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a cell's worker broke: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Outcome runOne(Scenario cell) {
        try {
            return new Outcome(cell, lab.run(cell), null);
        } catch (RuntimeException e) {
            return new Outcome(cell, null, CellError.of(cell, lab.whyCouldNotRun(e)));
        }
    }

    private static String describe(Outcome o) {
        if (o.error() != null) {
            return "ERROR " + o.error().cause();
        }
        return String.format("%s in %.1f s", o.verdict().holds() ? "holds" : "DOES NOT HOLD",
                o.verdict().observation().elapsed().toMillis() / 1000.0);
    }

    /** "elapsed 40 s, about 80 s left": the rest estimated from the mean time of the cells done. */
    static String elapsedAndRemaining(long startedNanos, int done, int total) {
        double elapsed = (System.nanoTime() - startedNanos) / 1e9;
        double left = elapsed / done * (total - done);
        return String.format("elapsed %.0f s", elapsed) + (done == total ? "" : String.format(", about %.0f s left", left));
    }
}
