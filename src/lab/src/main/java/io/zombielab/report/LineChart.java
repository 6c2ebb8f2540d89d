package io.zombielab.report;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * The picture {@link MemoryChart} and {@link PidsChart} draw on, one style for both: a titled frame with a
 * legend line per series, a grid of five values and a tick per x, two axes, and a series' line, points and legend
 * entry. Self-contained SVG (no fonts or scripts to fetch), so it opens from a file and embeds in HTML or Markdown.
 */
final class LineChart {

    static final int WIDTH = 880, LEFT = 70, RIGHT = 20, TOP = 50, PLOT_HEIGHT = 330;
    static final int PLOT_WIDTH = WIDTH - LEFT - RIGHT;
    private static final int LEGEND_LINE = 18;
    private static final String[] COLORS = {
        "#d62728", "#ff7f0e", "#8c564b", "#1f77b4", "#2ca02c", "#17becf", "#9467bd", "#e377c2", "#7f7f7f", "#bcbd22"
    };

    private final int lines;
    private final int maxX;
    private final double top;
    private final StringBuilder svg = new StringBuilder();

    /** A picture of {@code lines} series, x from 0 to {@code maxX}, y from 0 to {@code top}, with its frame drawn. */
    LineChart(String title, int lines, int maxX, double top) {
        this.lines = lines;
        this.maxX = maxX;
        this.top = top;
        int height = TOP + PLOT_HEIGHT + 50 + LEGEND_LINE * lines + 10;
        add(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "font-family=\"sans-serif\" font-size=\"12\">",
                WIDTH, height, WIDTH, height);
        add("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>", WIDTH, height);
        add("<text x=\"%d\" y=\"24\" font-size=\"16\" font-weight=\"bold\">%s</text>", LEFT, HtmlReport.esc(title));
    }

    /** One line of SVG. */
    void add(String format, Object... args) {
        svg.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    /** Five horizontal lines with their values ({@code label} writes one), one tick per x. */
    void grid(DoubleFunction<String> label) {
        for (int i = 0; i <= 5; i++) {
            double y = TOP + PLOT_HEIGHT - PLOT_HEIGHT * i / 5.0;
            add("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>", LEFT, y, LEFT + PLOT_WIDTH, y);
            add("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", LEFT - 6, y + 4, label.apply(top * i / 5));
        }
        for (int x = 0; x <= maxX; x++) {
            add("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>", x(x), TOP + PLOT_HEIGHT + 16, x);
        }
    }

    /** The two axes and what each measures. */
    void axes(String xTitle, String yTitle) {
        add(
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>",
                LEFT, TOP + PLOT_HEIGHT, LEFT + PLOT_WIDTH, TOP + PLOT_HEIGHT);
        add("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>", LEFT, TOP, LEFT, TOP + PLOT_HEIGHT);
        add(
                "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                LEFT + PLOT_WIDTH / 2, TOP + PLOT_HEIGHT + 34, xTitle);
        add(
                "<text transform=\"translate(16 %d) rotate(-90)\" text-anchor=\"middle\">%s</text>",
                TOP + PLOT_HEIGHT / 2, yTitle);
    }

    /**
     * Series {@code i}: its points ({x, y} each), its line and its legend entry. Earlier lines are wider, so a line
     * that a later one covers (same figures) still shows at its edges; {@code dash} ("" for none) and {@code nudge}
     * (the markers' offset in x) tell lines on the same values further apart.
     *
     * @param name the series' name, escaped: the line's tooltip
     * @param legend the legend's text, escaped
     */
    void series(int i, List<double[]> points, String name, String dash, double nudge, String legend) {
        double width = Math.max(2, 2 + 0.7 * (lines - 1 - i));
        String color = COLORS[i % COLORS.length];
        String dashed = dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"";
        StringBuilder at = new StringBuilder();
        for (double[] p : points) {
            double x = x(p[0]);
            double y = y(p[1]);
            at.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            add("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>", x + nudge, y, color);
        }
        add(
                "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\" stroke-linejoin=\"round\"%s>"
                        + "<title>%s</title></polyline>",
                at.toString().trim(), color, width, dashed, name);
        int y = TOP + PLOT_HEIGHT + 56 + LEGEND_LINE * i;
        add(
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"%s/>",
                LEFT, y - 4, LEFT + 24, y - 4, color, dashed);
        add("<text x=\"%d\" y=\"%d\">%s</text>", LEFT + 32, y, legend);
    }

    /** Where x {@code value} is drawn. */
    double x(double value) {
        return LEFT + PLOT_WIDTH * value / maxX;
    }

    /** Where y {@code value} is drawn. */
    double y(double value) {
        return TOP + PLOT_HEIGHT - PLOT_HEIGHT * value / top;
    }

    /** The picture, closed. */
    String end() {
        return svg.append("</svg>\n").toString();
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
