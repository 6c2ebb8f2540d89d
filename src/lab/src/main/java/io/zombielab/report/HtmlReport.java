package io.zombielab.report;

import io.zombielab.observe.ScenarioObservation;
import io.zombielab.verdict.Check;
import io.zombielab.verdict.Judge;
import io.zombielab.verdict.Verdict;
import java.util.List;

/**
 * The run as one self-contained HTML page: the matrix, the story's reading, the memory chart (inline SVG),
 * and for each cell its checks, process tree, per-cycle series and final process table. No script, no
 * font, no stylesheet to fetch: it opens from file:// on a machine with no network.
 */
public final class HtmlReport {

    private static final String STYLE = """
            body{font-family:sans-serif;margin:2em;color:#222}
            table{border-collapse:collapse;margin:1em 0}
            th,td{border:1px solid #ccc;padding:4px 8px;text-align:left}
            th{background:#f3f3f3}
            td.num{text-align:right;font-variant-numeric:tabular-nums}
            .holds{color:#176317;font-weight:bold}
            .fails{color:#b00020;font-weight:bold}
            pre{background:#f7f7f7;padding:8px;overflow-x:auto;font-size:12px}
            details{margin:.5em 0}
            summary{cursor:pointer}
            """;

    private HtmlReport() {}

    public static String render(RunReport run, String chartSvg) {
        return render(run, chartSvg, "", "");
    }

    /**
     * The page with the PIDs chart (zombies per cycle, probe run or job) beside the memory chart, and the scenario
     * families' section ({@link FamilyReport#html}) where family cells ran; either may be "".
     */
    public static String render(RunReport run, String chartSvg, String pidsSvg, String familiesHtml) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>zombielab: ")
                .append(esc(run.title()))
                .append("</title><style>")
                .append(STYLE)
                .append("</style></head><body>\n");
        h.append("<h1>zombielab: ")
                .append(run.holding())
                .append(" of ")
                .append(run.cells())
                .append(" cells hold</h1>\n")
                .append("<p>")
                .append(esc(run.title()))
                .append(" &middot; run ")
                .append(esc(run.runId()))
                .append(" &middot; ")
                .append(run.took().toSeconds())
                .append(" s &middot; ")
                .append(esc(run.finishedAt().toString()))
                .append(" &middot; observed by the ")
                .append(esc(run.observedBy()))
                .append("</p>\n");
        h.append("<table id=\"matrix\"><thead><tr><th>cell</th><th>reaper</th><th>supervisor</th><th>kill</th>")
                .append(
                        "<th>cycles</th><th>zombies</th><th>orphans</th><th>mem/cycle</th><th>leak/cycle</th><th>pids</th>")
                .append("<th>verdict</th></tr></thead><tbody>\n");
        List<MatrixRow> rows = run.rows();
        for (int i = 0; i < rows.size(); i++) {
            MatrixRow r = rows.get(i);
            h.append("<tr><td><a href=\"#cell-")
                    .append(i)
                    .append("\">")
                    .append(esc(r.cell().named()))
                    .append("</a></td>")
                    .append(td(r.cell().reaper()))
                    .append(td(r.cell().supervisor()))
                    .append(td(r.cell().kill()))
                    .append(num(r.cycles().text(" (ended)")))
                    .append(num(r.left().zombies().spelled()))
                    .append(num(r.left().liveOrphans().spelled()))
                    .append(num(r.left().growth()))
                    .append(num(r.left().leak()))
                    .append(num(r.left().pidsText()))
                    .append(r.holds() ? "<td class=\"holds\">holds</td>" : "<td class=\"fails\">FAILS</td>")
                    .append("</tr>\n");
        }
        h.append("</tbody></table>\n");
        if (!run.reading().isEmpty()) {
            h.append("<h2>The story</h2><ul>");
            run.reading().forEach(line -> h.append("<li>").append(esc(line)).append("</li>"));
            h.append("</ul>\n");
        }
        if (!run.errors().isEmpty()) {
            h.append("<h2>Cells that could not run</h2>");
            run.errors().forEach(e -> h.append("<pre class=\"fails\">")
                    .append(esc(e.line()))
                    .append("</pre>"));
        }
        h.append(familiesHtml);
        if (pidsSvg.isEmpty()) {
            h.append("<h2>Memory per cycle</h2>\n<figure id=\"chart\">")
                    .append(chartSvg)
                    .append("</figure>\n");
        } else {
            // Side by side: memory is what orphans cost, PIDs what zombies cost.
            h.append("<h2>Memory and PIDs per cycle</h2>\n<div style=\"display:flex;flex-wrap:wrap;gap:12px\">")
                    .append("<figure id=\"chart\">")
                    .append(chartSvg)
                    .append("</figure>")
                    .append("<figure id=\"pids\">")
                    .append(pidsSvg)
                    .append("</figure></div>\n");
        }
        h.append("<h2>Cells</h2>\n");
        for (int i = 0; i < run.verdicts().size(); i++) {
            cell(h, i, run.verdicts().get(i));
        }
        return h.append("</body></html>\n").toString();
    }

    private static void cell(StringBuilder h, int index, Verdict v) {
        ScenarioObservation o = v.observation();
        h.append("<details id=\"cell-")
                .append(index)
                .append("\"")
                .append(v.holds() ? "" : " open")
                .append("><summary>")
                .append(esc(o.scenario().toString()))
                .append(v.holds() ? " &mdash; holds" : " &mdash; <span class=\"fails\">FAILS</span>")
                .append("</summary>\n<table><tr><th>check</th><th>expected</th><th>observed</th><th></th></tr>");
        for (Check c : v.checks()) {
            h.append("<tr>")
                    .append(td(c.name()))
                    .append(td(c.expectedText()))
                    .append(td(c.observedText()))
                    .append(c.passed() ? "<td class=\"holds\">ok</td>" : "<td class=\"fails\">FAIL</td>")
                    .append("</tr>");
        }
        h.append("</table>\n");
        o.spawnFailure().ifPresent(f -> h.append("<p>ended at ").append(esc(f)).append("</p>\n"));
        h.append("<p>process tree of the first cycle, as observed:</p><pre>")
                .append(esc(o.up().tree().render()))
                .append("</pre>\n")
                .append("<p>process table while the first cycle was up, before its stop:</p><pre>")
                .append(esc(o.up().table()))
                .append("</pre>\n")
                .append("<p>per cycle:</p><pre>")
                .append(esc(Judge.series(o.samples())))
                .append("</pre>\n")
                .append("<p>process table after cycle ")
                .append(o.completedCycles())
                .append(":</p><pre>")
                .append(esc(o.end().table()))
                .append("</pre>\n</details>\n");
    }

    private static String td(String text) {
        return "<td>" + esc(text) + "</td>";
    }

    private static String num(String text) {
        return "<td class=\"num\">" + esc(text) + "</td>";
    }

    static String esc(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
