package io.zombielab.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where a run's reports go (target/zombielab-report in zombielab's home, or -Dzombielab.report.dir), and writing them. */
public record ReportFolder(Path path) {

    public ReportFolder {
        path = path.toAbsolutePath().normalize();
    }

    /**
     * Writes every report of a run, replacing the previous run's: matrix.txt (the terminal table), matrix.md
     * (for CI job summaries), report.html (self-contained), report.json, memory.svg, pids.svg. Returns the folder.
     */
    public Path writeAll(RunReport run) {
        return writeAll(run, List.of(), "");
    }

    /**
     * The same, and pids.svg: zombies per cycle of every cell, and per run of {@code familySeries} (the family
     * cells that cost PIDs), beside the memory chart in report.html, with {@code familiesHtml} before them.
     */
    public Path writeAll(RunReport run, List<PidsChart.Series> familySeries, String familiesHtml) {
        String chart = MemoryChart.svg(
                "Memory per cycle: " + run.title(),
                run.verdicts().stream()
                        .map(io.zombielab.verdict.Verdict::observation)
                        .toList());
        List<PidsChart.Series> series = new ArrayList<>();
        run.verdicts().forEach(v -> series.add(PidsChart.of(v.observation())));
        series.addAll(familySeries);
        String pids = PidsChart.svg("Zombies per cycle, probe run or job: " + run.title(), series);
        write("matrix.txt", MatrixTable.render(run.rows()));
        write("matrix.md", MarkdownReport.render(run));
        write("report.json", JsonReport.render(run));
        write("memory.svg", chart);
        write("pids.svg", pids);
        write("report.html", HtmlReport.render(run, chart, pids, familiesHtml));
        return path;
    }

    /** Writes one report file whole, replacing the previous run's; returns its path. */
    public Path write(String name, String content) {
        Path file = path.resolve(name);
        new ReportFile(file, "report").write(content);
        return file;
    }
}
