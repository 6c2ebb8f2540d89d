package io.zombielab.cli;

import io.zombielab.Lab;
import io.zombielab.report.CellError;
import io.zombielab.report.CellResult;
import io.zombielab.run.FanOut;
import io.zombielab.scenario.ScenarioFiles.FileCell;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs cells, {@code parallel} at a time, each in a container of its own; images are built once and shared
 * (ImageCatalog). Results come back in the cells' order, whatever order they finished in.
 */
final class CellPool {

    private final Lab lab;
    private final int parallel;
    private final PrintWriter progress;

    CellPool(Lab lab, int parallel, PrintWriter progress) {
        this.lab = lab;
        this.parallel = parallel;
        this.progress = progress;
    }

    /** Each cell judged, or why it could not run; a worker that broke otherwise (an Error) ends the run. */
    List<CellResult> run(List<FileCell> cells) {
        long started = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        return FanOut.inOrder(
                cells,
                parallel,
                "zombielab-cell",
                (cell, index) -> {
                    progress.printf("[zombielab] cell %d of %d: %s ...%n", index + 1, cells.size(), cell.scenario());
                    CellResult result = runOne(cell);
                    progress.printf(
                            "[zombielab] cell %d of %d: %s (%s)%n",
                            index + 1,
                            cells.size(),
                            describe(result),
                            elapsedAndRemaining(started, done.incrementAndGet(), cells.size()));
                    return result;
                },
                (cell, broke) -> {
                    if (broke instanceof InterruptedException) {
                        throw new IllegalStateException("interrupted while cells were running", broke);
                    }
                    throw new IllegalStateException("a cell's worker broke: " + broke, broke);
                });
    }

    private CellResult runOne(FileCell cell) {
        try {
            return new CellResult.Judged(cell.file(), lab.run(cell.scenario()));
        } catch (RuntimeException e) {
            return new CellResult.CouldNotRun(cell.file(), CellError.of(cell.scenario(), lab.whyCouldNotRun(e)));
        }
    }

    private static String describe(CellResult result) {
        if (result instanceof CellResult.CouldNotRun notRun) {
            return "ERROR " + notRun.error().cause();
        }
        var verdict = ((CellResult.Judged) result).verdict();
        return String.format(
                "%s in %.1f s",
                verdict.holds() ? "holds" : "DOES NOT HOLD",
                verdict.observation().elapsed().toMillis() / 1000.0);
    }

    /** "elapsed 40 s, about 80 s left": the rest estimated from the mean time of the cells done. */
    static String elapsedAndRemaining(long startedNanos, int done, int total) {
        double elapsed = (System.nanoTime() - startedNanos) / 1e9;
        double left = elapsed / done * (total - done);
        return String.format("elapsed %.0f s", elapsed)
                + (done == total ? "" : String.format(", about %.0f s left", left));
    }
}
