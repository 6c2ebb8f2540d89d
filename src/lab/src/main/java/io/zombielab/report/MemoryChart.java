package io.zombielab.report;

import io.zombielab.observe.CycleSample;
import io.zombielab.observe.ScenarioObservation;
import java.util.List;
import java.util.Locale;

/**
 * Memory against cycle for every cell of a run, on one {@link LineChart}: the container's anonymous memory
 * (what live processes hold) after each settled cycle. The story reads at a glance: the original code's
 * line climbs by a server per cycle, the final fix's stays flat.
 */
public final class MemoryChart {

    private MemoryChart() {}

    public static String svg(String title, List<ScenarioObservation> cells) {
        int maxCycle = Math.max(
                1, cells.stream().mapToInt(o -> o.samples().size() - 1).max().orElse(1));
        double maxMiB = cells.stream()
                .flatMap(o -> o.samples().stream())
                .mapToDouble(MemoryChart::mib)
                .max()
                .orElse(1);
        // The memory limit of every cell that ended early: the line its memory ran into.
        List<Long> limits = cells.stream()
                .filter(o -> o.spawnFailure().isPresent())
                .map(o -> o.scenario().limits().memoryBytes() >> 20)
                .distinct()
                .sorted()
                .toList();
        double top = LineChart.niceCeiling(Math.max(
                Math.max(maxMiB, 1),
                limits.stream().mapToLong(Long::longValue).max().orElse(0)));
        LineChart chart = new LineChart(title, cells.size(), maxCycle, top);
        chart.grid(value -> String.format(Locale.ROOT, "%.0f", value));
        chart.axes("cycle (stop/start)", "anonymous memory after the cycle (MiB)");
        for (long limit : limits) {
            double y = chart.y(limit);
            chart.add(
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#000\" stroke-dasharray=\"6 4\"/>",
                    LineChart.LEFT, y, LineChart.LEFT + LineChart.PLOT_WIDTH, y);
            chart.add(
                    "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">memory limit %d MiB</text>",
                    LineChart.LEFT + LineChart.PLOT_WIDTH - 4, y - 5, limit);
        }
        for (int i = 0; i < cells.size(); i++) {
            ScenarioObservation o = cells.get(i);
            String name = HtmlReport.esc(o.scenario().toString());
            chart.series(
                    i,
                    o.samples().stream()
                            .map(s -> new double[] {s.cycle(), mib(s)})
                            .toList(),
                    name,
                    "",
                    0,
                    name + (o.spawnFailure().isPresent() ? HtmlReport.esc(" - ended: " + shortReason(o)) : ""));
        }
        return chart.end();
    }

    private static String shortReason(ScenarioObservation o) {
        return o.endedEarly()
                .map(e -> e.cause().atCycle(o.completedCycles() + 1))
                .orElse("");
    }

    private static double mib(CycleSample s) {
        return s.cgroup().anonBytes().orElse(0) / (1024.0 * 1024.0); // an unread figure draws at 0, as before
    }
}
