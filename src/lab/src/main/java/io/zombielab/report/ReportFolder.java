package io.zombielab.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a run's reports go (target/zombielab-report in zombielab's home, or -Dzombielab.report.dir), and writing them. */
public record ReportFolder(Path path) {

    public ReportFolder {
        path = path.toAbsolutePath().normalize();
    }

    /**
     * Writes every report of a run, replacing the previous run's: matrix.txt (the terminal table), matrix.md
     * (for CI job summaries), report.html (self-contained), report.json, memory.svg. Returns the folder.
     */
    public Path writeAll(RunReport run) {
        String chart = MemoryChart.svg("Memory per cycle: " + run.title(),
                run.verdicts().stream().map(io.zombielab.verdict.Verdict::observation).toList());
        write("matrix.txt", MatrixTable.render(run.rows()));
        write("matrix.md", MarkdownReport.render(run));
        write("report.json", JsonReport.render(run));
        write("memory.svg", chart);
        write("report.html", HtmlReport.render(run, chart));
        return path;
    }

    /** Writes one report file, replacing the previous run's; returns its path. */
    public Path write(String name, String content) {
        Path file = path.resolve(name);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + file, e);
        }
        return file;
    }
}
