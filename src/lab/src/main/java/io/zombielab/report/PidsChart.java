package io.zombielab.report;

import io.zombielab.observe.CycleSample;
import io.zombielab.observe.FamilyObservation;
import io.zombielab.observe.ScenarioObservation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Zombies against cycle (or probe run, or job) for every cell that costs PIDs, on one SVG picture beside
 * {@link MemoryChart}, in its style: the story's stage 2 and the families whose harm is the PID table (exec
 * probes, runtimes at PID 1) climb by a zombie per run; their fixes lie flat on 0. Lines that lie on each other
 * are told apart: earlier lines are wider, and each has its own dash pattern and marker offset.
 */
public final class PidsChart {

    private static final int WIDTH = 880, LEFT = 70, RIGHT = 20, TOP = 50, PLOT_HEIGHT = 330;
    private static final int PLOT_WIDTH = WIDTH - LEFT - RIGHT;
    private static final int LEGEND_LINE = 18;
    private static final String[] COLORS = {"#d62728", "#ff7f0e", "#8c564b", "#1f77b4", "#2ca02c", "#17becf",
            "#9467bd", "#e377c2", "#7f7f7f", "#bcbd22"};
    private static final String[] DASHES = {"", "8 4", "2 3", "10 3 2 3", "4 4", "1 5"};

    /** One line: its name and its zombies after each x (0 = before the first run, where known). */
    public record Series(String name, List<int[]> points) {
    }

    private final List<Series> series;
    private final int maxX;
    private final double top;
    private final StringBuilder svg = new StringBuilder();

    private PidsChart(List<Series> series) {
        this.series = series;
        this.maxX = Math.max(1, series.stream().flatMap(s -> s.points().stream()).mapToInt(p -> p[0]).max().orElse(1));
        double most = series.stream().flatMap(s -> s.points().stream()).mapToInt(p -> p[1]).max().orElse(1);
        this.top = MemoryChart.niceCeiling(Math.max(most, 1));
    }

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
        PidsChart chart = new PidsChart(series);
        chart.frame(title);
        chart.grid();
        chart.axes();
        for (int i = 0; i < series.size(); i++) {
            chart.line(i);
        }
        return chart.svg.append("</svg>\n").toString();
    }

    private void add(String format, Object... args) {
        svg.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    private void frame(String title) {
        int height = TOP + PLOT_HEIGHT + 50 + LEGEND_LINE * series.size() + 10;
        add("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">", WIDTH, height, WIDTH, height);
        add("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>", WIDTH, height);
        add("<text x=\"%d\" y=\"24\" font-size=\"16\" font-weight=\"bold\">%s</text>", LEFT, HtmlReport.esc(title));
    }

    private void grid() {
        for (int i = 0; i <= 5; i++) {
            double y = TOP + PLOT_HEIGHT - PLOT_HEIGHT * i / 5.0;
            add("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>", LEFT, y, LEFT + PLOT_WIDTH, y);
            add("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", LEFT - 6, y + 4, label(top * i / 5));
        }
        for (int x = 0; x <= maxX; x++) {
            add("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>", x(x), TOP + PLOT_HEIGHT + 16, x);
        }
    }

    private void axes() {
        add("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>", LEFT, TOP + PLOT_HEIGHT, LEFT + PLOT_WIDTH,
                TOP + PLOT_HEIGHT);
        add("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>", LEFT, TOP, LEFT, TOP + PLOT_HEIGHT);
        add("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">cycle, probe run or job</text>", LEFT + PLOT_WIDTH / 2,
                TOP + PLOT_HEIGHT + 34);
        add("<text transform=\"translate(16 %d) rotate(-90)\" text-anchor=\"middle\">zombies (PIDs held)</text>",
                TOP + PLOT_HEIGHT / 2);
    }

    private void line(int i) {
        Series s = series.get(i);
        double width = Math.max(2, 2 + 0.7 * (series.size() - 1 - i));
        String color = COLORS[i % COLORS.length];
        String dash = DASHES[i % DASHES.length];
        // Markers of lines on the same values sit a little apart, so each line's points stay visible.
        double nudge = (i % 5 - 2) * 2.0;
        StringBuilder points = new StringBuilder();
        for (int[] p : s.points()) {
            double x = x(p[0]);
            double y = y(p[1]);
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            add("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>", x + nudge, y, color);
        }
        String name = HtmlReport.esc(s.name());
        add("<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\" stroke-linejoin=\"round\"%s>"
                + "<title>%s</title></polyline>", points.toString().trim(), color, width,
                dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"", name);
        int y = TOP + PLOT_HEIGHT + 56 + LEGEND_LINE * i;
        add("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"%s/>", LEFT, y - 4, LEFT + 24,
                y - 4, color, dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"");
        int last = s.points().isEmpty() ? 0 : s.points().get(s.points().size() - 1)[1];
        add("<text x=\"%d\" y=\"%d\">%s (%d after the last)</text>", LEFT + 32, y, name, last);
    }

    private double x(int value) {
        return LEFT + PLOT_WIDTH * value / (double) maxX;
    }

    private double y(double value) {
        return TOP + PLOT_HEIGHT - PLOT_HEIGHT * value / top;
    }

    private static String label(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
