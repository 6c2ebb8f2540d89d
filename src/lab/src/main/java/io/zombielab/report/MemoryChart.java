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
    private static final int PLOT_WIDTH = WIDTH - LEFT - RIGHT;
    private static final int LEGEND_LINE = 18;
    private static final String[] COLORS = {"#d62728", "#ff7f0e", "#8c564b", "#1f77b4", "#2ca02c", "#17becf",
            "#9467bd", "#e377c2", "#7f7f7f", "#bcbd22"};

    private final List<ScenarioObservation> cells;
    private final int maxCycle;
    /** The memory limit of every cell that ended early: the line its memory ran into. */
    private final List<Long> limits;
    private final double top;
    private final StringBuilder svg = new StringBuilder();

    private MemoryChart(List<ScenarioObservation> cells) {
        this.cells = cells;
        this.maxCycle = Math.max(1, cells.stream().mapToInt(o -> o.samples().size() - 1).max().orElse(1));
        double maxMiB = cells.stream().flatMap(o -> o.samples().stream()).mapToDouble(MemoryChart::mib).max().orElse(1);
        this.limits = cells.stream().filter(o -> o.spawnFailure().isPresent())
                .map(o -> o.scenario().limits().memoryBytes() >> 20).distinct().sorted().toList();
        this.top = niceCeiling(Math.max(Math.max(maxMiB, 1), limits.stream().mapToLong(Long::longValue).max().orElse(0)));
    }

    public static String svg(String title, List<ScenarioObservation> cells) {
        MemoryChart chart = new MemoryChart(cells);
        chart.frame(title);
        chart.grid();
        chart.axes();
        chart.limitLines();
        for (int i = 0; i < cells.size(); i++) {
            chart.series(i);
        }
        return chart.svg.append("</svg>\n").toString();
    }

    private void add(String format, Object... args) {
        svg.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    private void frame(String title) {
        int height = TOP + PLOT_HEIGHT + 50 + LEGEND_LINE * cells.size() + 10;
        add("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">", WIDTH, height, WIDTH, height);
        add("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>", WIDTH, height);
        add("<text x=\"%d\" y=\"24\" font-size=\"16\" font-weight=\"bold\">%s</text>", LEFT, HtmlReport.esc(title));
    }

    /** Five horizontal lines with their values, one tick per cycle. */
    private void grid() {
        for (int i = 0; i <= 5; i++) {
            double y = TOP + PLOT_HEIGHT - PLOT_HEIGHT * i / 5.0;
            add("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>", LEFT, y, LEFT + PLOT_WIDTH, y);
            add("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.0f</text>", LEFT - 6, y + 4, top * i / 5);
        }
        for (int c = 0; c <= maxCycle; c++) {
            add("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>", x(c), TOP + PLOT_HEIGHT + 16, c);
        }
    }

    private void axes() {
        add("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>", LEFT, TOP + PLOT_HEIGHT, LEFT + PLOT_WIDTH,
                TOP + PLOT_HEIGHT);
        add("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>", LEFT, TOP, LEFT, TOP + PLOT_HEIGHT);
        add("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">cycle (stop/start)</text>", LEFT + PLOT_WIDTH / 2,
                TOP + PLOT_HEIGHT + 34);
        add("<text transform=\"translate(16 %d) rotate(-90)\" text-anchor=\"middle\">"
                + "anonymous memory after the cycle (MiB)</text>", TOP + PLOT_HEIGHT / 2);
    }

    private void limitLines() {
        for (long limit : limits) {
            double y = y(limit);
            add("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#000\" stroke-dasharray=\"6 4\"/>", LEFT, y,
                    LEFT + PLOT_WIDTH, y);
            add("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">memory limit %d MiB</text>", LEFT + PLOT_WIDTH - 4, y - 5, limit);
        }
    }

    /** One cell's line, its points and its legend entry. */
    private void series(int i) {
        ScenarioObservation o = cells.get(i);
        // Earlier lines are wider, so a line that a later one covers (same figures) still shows at its edges.
        double width = Math.max(2, 2 + 0.7 * (cells.size() - 1 - i));
        String color = COLORS[i % COLORS.length];
        StringBuilder points = new StringBuilder();
        for (CycleSample s : o.samples()) {
            double x = x(s.cycle());
            double y = y(mib(s));
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            add("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>", x, y, color);
        }
        String name = HtmlReport.esc(o.scenario().toString());
        add("<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\" stroke-linejoin=\"round\">"
                + "<title>%s</title></polyline>", points.toString().trim(), color, width, name);
        int y = TOP + PLOT_HEIGHT + 56 + LEGEND_LINE * i;
        add("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/>", LEFT, y - 4, LEFT + 24,
                y - 4, color);
        add("<text x=\"%d\" y=\"%d\">%s%s</text>", LEFT + 32, y, name,
                o.spawnFailure().isPresent() ? HtmlReport.esc(" - ended: " + shortReason(o)) : "");
    }

    private double x(int cycle) {
        return LEFT + PLOT_WIDTH * cycle / (double) maxCycle;
    }

    private double y(double mib) {
        return TOP + PLOT_HEIGHT - PLOT_HEIGHT * mib / top;
    }

    private static String shortReason(ScenarioObservation o) {
        return o.endedEarly().map(e -> e.cause().atCycle(o.completedCycles() + 1)).orElse("");
    }

    private static double mib(CycleSample s) {
        return s.cgroup().anonBytes().orElse(0) / (1024.0 * 1024.0); // an unread figure draws at 0, as before
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

}
