package io.zombielab.report;

import io.zombielab.observe.CycleSample;
import io.zombielab.observe.FamilyObservation;
import io.zombielab.observe.ScenarioObservation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Zombies against cycle (or probe run, or job) for every cell that costs PIDs, on one SVG picture beside
 * {@link MemoryChart}, on the same {@link LineChart}: the story's stage 2 and the families whose harm is the PID table (exec
 * probes, runtimes at PID 1) climb by a zombie per run; their fixes lie flat on 0. Lines that lie on each other
 * are told apart: earlier lines are wider, and each has its own dash pattern and marker offset.
 */
public final class PidsChart {

    private static final String[] DASHES = {"", "8 4", "2 3", "10 3 2 3", "4 4", "1 5"};

    /** One line: its name and its zombies after each x (0 = before the first run, where known). */
    public record Series(String name, List<int[]> points) {}

    private PidsChart() {}

    /** A scenario cell's line: zombies after each settled cycle. */
    public static Series of(ScenarioObservation o) {
        List<int[]> points = new ArrayList<>();
        for (CycleSample s : o.samples()) {
            points.add(new int[] {s.cycle(), s.census().zombies().size()});
        }
        return new Series(o.scenario().toString(), points);
    }

    /** A family cell's line: 0 before its first run, then zombies after each run. */
    public static Series of(FamilyObservation o) {
        List<int[]> points = new ArrayList<>();
        points.add(new int[] {0, 0});
        o.runs().forEach(r -> points.add(new int[] {r.run(), r.zombies()}));
        return new Series(o.cell().toString(), points);
    }

    public static String svg(String title, List<Series> series) {
        int maxX = Math.max(
                1,
                series.stream()
                        .flatMap(s -> s.points().stream())
                        .mapToInt(p -> p[0])
                        .max()
                        .orElse(1));
        double most = series.stream()
                .flatMap(s -> s.points().stream())
                .mapToInt(p -> p[1])
                .max()
                .orElse(1);
        LineChart chart = new LineChart(title, series.size(), maxX, LineChart.niceCeiling(Math.max(most, 1)));
        chart.grid(PidsChart::label);
        chart.axes("cycle, probe run or job", "zombies (PIDs held)");
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            String name = HtmlReport.esc(s.name());
            int last = s.points().isEmpty() ? 0 : s.points().get(s.points().size() - 1)[1];
            // Markers of lines on the same values sit a little apart, so each line's points stay visible.
            chart.series(
                    i,
                    s.points().stream().map(p -> new double[] {p[0], p[1]}).toList(),
                    name,
                    DASHES[i % DASHES.length],
                    (i % 5 - 2) * 2.0,
                    name + " (" + last + " after the last)");
        }
        return chart.end();
    }

    private static String label(double value) {
        return value == Math.rint(value)
                ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
    }
}
