package io.zombielab.report;

import io.zombielab.verdict.Verdict;
import java.nio.file.Path;

/**
 * A cell's result beside the scenario file that defines it, in the run's order: JUnit XML groups the cells by
 * file. A cell was judged (it holds or not), or could not run.
 */
public sealed interface CellResult {

    /** The scenario file the cell is defined in. */
    Path file();

    /** The cell ran and was judged against its expectation. */
    record Judged(Path file, Verdict verdict) implements CellResult {}

    /** The cell could not run: no verdict, only why. */
    record CouldNotRun(Path file, CellError error) implements CellResult {}
}
