package io.zombielab.report;

import io.zombielab.image.ProjectLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
     * (for CI job summaries), report.html (self-contained), report.json, memory.svg, pids.svg. Returns the folder.
     */
    public static Path writeAll(RunReport run) {
        return writeAll(run, List.of(), "");
    }

    /**
     * The same, and pids.svg: zombies per cycle of every cell, and per run of {@code familySeries} (the family
     * cells that cost PIDs), beside the memory chart in report.html, with {@code familiesHtml} before them.
     */
    public static Path writeAll(RunReport run, List<PidsChart.Series> familySeries, String familiesHtml) {
        String chart = MemoryChart.svg("Memory per cycle: " + run.title(),
                run.verdicts().stream().map(io.zombielab.verdict.Verdict::observation).toList());
        List<PidsChart.Series> series = new java.util.ArrayList<>();
        run.verdicts().forEach(v -> series.add(PidsChart.of(v.observation())));
        series.addAll(familySeries);
        String pids = PidsChart.svg("Zombies per cycle, probe run or job: " + run.title(), series);
        write("matrix.txt", MatrixTable.render(run.rows()));
        write("matrix.md", MarkdownReport.render(run));
        write("report.json", JsonReport.render(run));
        write("memory.svg", chart);
        write("pids.svg", pids);
        write("report.html", HtmlReport.render(run, chart, pids, familiesHtml));
        return path();
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
