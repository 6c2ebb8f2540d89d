package io.zombielab.report;

import io.zombielab.image.ProjectLayout;
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

    /**
     * Writes every report of a run, replacing the previous run's: matrix.txt (the terminal table), matrix.md
     * (for CI job summaries), report.html (self-contained), report.json, memory.svg. Returns the folder.
     */
    public static Path writeAll(RunReport run) {
        String chart = MemoryChart.svg("Memory per cycle: " + run.title(),
                run.verdicts().stream().map(io.zombielab.verdict.Verdict::observation).toList());
        write("matrix.txt", MatrixTable.render(run.rows()));
        write("matrix.md", MarkdownReport.render(run));
        write("report.json", JsonReport.render(run));
        write("memory.svg", chart);
        write("report.html", HtmlReport.render(run, chart));
        return path();
    }

    /** Writes one report file whole, replacing the previous run's; returns its path. */
    public static Path write(String name, String content) {
        Path file = path().resolve(name);
        new ReportFile(file, "report").write(content);
        return file;
    }
}
