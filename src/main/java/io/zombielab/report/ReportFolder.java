package io.zombielab.report;

import io.zombielab.image.ProjectLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a run's reports go: target/zombielab-report in the checkout, or -Dzombielab.report.dir. */
public final class ReportFolder {

    private ReportFolder() {
    }

    public static Path path() {
        String configured = System.getProperty("zombielab.report.dir");
        return configured != null ? Path.of(configured)
                : ProjectLayout.current().root().resolve("target").resolve("zombielab-report");
    }

    /** Writes one report file, replacing the previous run's; returns its path. */
    public static Path write(String name, String content) {
        Path file = path().resolve(name);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + file, e);
        }
        return file;
    }
}
