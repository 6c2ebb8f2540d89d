package io.zombielab.cli;

import io.zombielab.report.ReportDocument;
import io.zombielab.report.ReportJson;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Reads a run's report.json back (for flakes and speed); a file that is not one is named, with why. */
final class ReportFiles {

    private ReportFiles() {}

    static ReportDocument read(Path file) {
        try {
            return ReportJson.read(file);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new UsageException(e.getMessage(), false);
        }
    }
}
