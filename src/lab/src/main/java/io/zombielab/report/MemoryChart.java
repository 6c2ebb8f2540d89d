package io.zombielab.report;

import io.zombielab.observe.CycleSample;
import io.zombielab.observe.ScenarioObservation;
import java.util.List;
import java.util.Locale;

/**
 * Memory against cycle for every cell of a run, on one SVG picture: the container's anonymous memory
 * (what live processes hold) after each settled cycle. The story reads at a glance: the original code's
 * line climbs by a server per cycle, the final fix's stays flat. Self-contained (no fonts or scripts to
 * fetch), so it opens from a file and embeds in HTML or Markdown.
 */
public final class MemoryChart {

    private static final int WIDTH = 880, LEFT = 70, RIGHT = 20, TOP = 50, PLOT_HEIGHT = 330;
    private static final int LEGEND_LINE = 18;
    private static final String[] COLORS = {"#d62728", "#ff7f0e", "#8c564b", "#1f77b4", "#2ca02c", "#17becf",
            "#9467bd", "#e377c2", "#7f7f7f", "#bcbd22"};

    private MemoryChart() {
    }

    public static String svg(String title, List<ScenarioObservation> cells) {
        int maxCycle = Math.max(1, cells.stream().mapToInt(o -> o.samples().size() - 1).max().orElse(1));
        double maxMiB = cells.stream().flatMap(o -> o.samples().stream()).mapToDouble(MemoryChart::mib).max().orElse(1);
        // The memory limit of every cell that ended early is drawn: the line its memory ran into.
        List<Long> limits = cells.stream().filter(o -> o.spawnFailure().isPresent())
                .map(o -> o.scenario().limits().memoryBytes() >> 20).distinct().sorted().toList();
        double top = niceCeiling(Math.max(Math.max(maxMiB, 1), limits.stream().mapToLong(Long::longValue).max().orElse(0)));
        int plotWidth = WIDTH - LEFT - RIGHT;
        int height = TOP + PLOT_HEIGHT + 50 + LEGEND_LINE * cells.size() + 10;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, height, WIDTH, height));
        svg.append(String.format("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, height));
        svg.append(String.format("<text x=\"%d\" y=\"24\" font-size=\"16\" font-weight=\"bold\">%s</text>%n", LEFT, escape(title)));
        // Grid and axes: five horizontal lines, one tick per cycle.
        for (int i = 0; i <= 5; i++) {
            double value = top * i / 5;
            double y = TOP + PLOT_HEIGHT - PLOT_HEIGHT * i / 5.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                    LEFT, y, LEFT + plotWidth, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.0f</text>%n",
                    LEFT - 6, y + 4, value));
        }
        for (int c = 0; c <= maxCycle; c++) {
            double x = LEFT + plotWidth * c / (double) maxCycle;
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n",
                    x, TOP + PLOT_HEIGHT + 16, c));
        }
        svg.append(String.format("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n",
                LEFT, TOP + PLOT_HEIGHT, LEFT + plotWidth, TOP + PLOT_HEIGHT));
        svg.append(String.format("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n",
                LEFT, TOP, LEFT, TOP + PLOT_HEIGHT));
        svg.append(String.format("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">cycle (stop/start)</text>%n",
                LEFT + plotWidth / 2, TOP + PLOT_HEIGHT + 34));
        svg.append(String.format("<text transform=\"translate(16 %d) rotate(-90)\" text-anchor=\"middle\">"
                + "anonymous memory after the cycle (MiB)</text>%n", TOP + PLOT_HEIGHT / 2));
        for (long limit : limits) {
            double y = TOP + PLOT_HEIGHT - PLOT_HEIGHT * limit / top;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#000\" "
                    + "stroke-dasharray=\"6 4\"/>%n", LEFT, y, LEFT + plotWidth, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">memory limit %d MiB</text>%n",
                    LEFT + plotWidth - 4, y - 5, limit));
        }
        for (int i = 0; i < cells.size(); i++) {
            ScenarioObservation o = cells.get(i);
            // Earlier lines are wider, so a line that a later one covers (same figures) still shows at its edges.
            double width = Math.max(2, 2 + 0.7 * (cells.size() - 1 - i));
            String color = COLORS[i % COLORS.length];
            StringBuilder points = new StringBuilder();
            for (CycleSample s : o.samples()) {
                double x = LEFT + plotWidth * s.cycle() / (double) maxCycle;
                double y = TOP + PLOT_HEIGHT - PLOT_HEIGHT * mib(s) / top;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", x, y, color));
            }
            svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\" "
                    + "stroke-linejoin=\"round\"><title>%s</title></polyline>%n", points.toString().trim(), color, width,
                    escape(o.scenario().toString())));
            int y = TOP + PLOT_HEIGHT + 56 + LEGEND_LINE * i;
            svg.append(String.format("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/>%n",
                    LEFT, y - 4, LEFT + 24, y - 4, color));
            svg.append(String.format("<text x=\"%d\" y=\"%d\">%s%s</text>%n", LEFT + 32, y,
                    escape(o.scenario().toString()), o.spawnFailure().isPresent() ? escape(" - ended: " + shortReason(o)) : ""));
        }
        return svg.append("</svg>\n").toString();
    }

    private static String shortReason(ScenarioObservation o) {
        String reason = o.spawnFailure().orElse("");
        return reason.contains("OOM") ? "OOM kill at cycle " + (o.completedCycles() + 1)
                : "could not start cycle " + (o.completedCycles() + 1);
    }

    private static double mib(CycleSample s) {
        return Math.max(0, s.cgroup().memoryRssBytes()) / (1024.0 * 1024.0);
    }

    /** A round number at least {@code value} (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten), for the axis. */
    static double niceCeiling(double value) {
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
