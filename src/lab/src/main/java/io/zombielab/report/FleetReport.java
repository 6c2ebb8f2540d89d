package io.zombielab.report;

import io.zombielab.deploy.FleetMember;
import io.zombielab.promise.PromiseResult;
import io.zombielab.scenario.Shard;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code validate} found for a fleet of images (or this shard of one): each image's report, and the whole,
 * whose grade is its worst image's. One summary table, one Markdown and one HTML page, one JSON document, and
 * JUnit XML with a test suite per image.
 *
 * @param fleetSize how many images the whole fleet has (this shard runs {@code members.size()} of them)
 */
public record FleetReport(
        List<Member> members, Shard shard, int fleetSize, String runId, Instant started, Duration took) {

    /** One image: where it was named, its report, how long it took, its fix in its own file (none when kept). */
    public record Member(FleetMember member, ValidateReport report, Duration took, List<String> fix) {
        public Member {
            fix = List.copyOf(fix);
        }

        /** The image's detailed table, and its fix in its deployment file. */
        public String table() {
            StringBuilder out = new StringBuilder(report.table());
            if (member.fromFile()) {
                out.insert(out.indexOf("\n", 1) + 1, "from " + member.source() + "\n");
            }
            member.notes().forEach(n -> out.append("note: ").append(n).append('\n'));
            if (!fix.isEmpty()) {
                out.append("\nfix in ").append(member.source().file()).append(":\n");
                fix.forEach(l -> out.append(l).append('\n'));
            }
            return out.toString();
        }
    }

    public FleetReport {
        members = List.copyOf(members);
    }

    /** The worst image's grade: one broken image breaks the fleet. */
    public ValidateReport.Overall grade() {
        return members.stream()
                .map(m -> m.report().grade())
                .max(Enum::compareTo)
                .orElse(ValidateReport.Overall.GOOD);
    }

    public boolean allHold() {
        return grade() == ValidateReport.Overall.GOOD;
    }

    /** The promises any image was checked on, in the order they first appear. */
    private List<String> promiseIds() {
        Set<String> ids = new LinkedHashSet<>();
        members.forEach(
                m -> m.report().results().forEach(r -> ids.add(r.promise().id())));
        return List.copyOf(ids);
    }

    /** "kept", "BROKEN", "SLOW", "report", "ERROR", or "-" where it does not apply. */
    private static String cell(ValidateReport report, String promise) {
        for (PromiseResult r : report.results()) {
            if (r.promise().id().equals(promise)) {
                return r instanceof PromiseResult.Judged j ? j.verdict().grade().word() : "ERROR";
            }
        }
        return "-";
    }

    /** "BROKEN: 3 of 4 images GOOD, 1 BROKEN; shard 1/2 of a fleet of 8; 41 s". */
    public String summary() {
        StringBuilder s = new StringBuilder("fleet " + grade() + ": ");
        long good = count(ValidateReport.Overall.GOOD);
        s.append(good)
                .append(" of ")
                .append(members.size())
                .append(" image")
                .append(members.size() == 1 ? "" : "s")
                .append(" GOOD");
        for (ValidateReport.Overall o : List.of(ValidateReport.Overall.SLOW, ValidateReport.Overall.BROKEN)) {
            if (count(o) > 0) {
                s.append(", ").append(count(o)).append(' ').append(o);
            }
        }
        if (!shard.equals(Shard.ALL)) {
            s.append("; shard ").append(shard).append(" of a fleet of ").append(fleetSize);
        }
        return s.append("; ").append(took.toSeconds()).append(" s").toString();
    }

    private long count(ValidateReport.Overall o) {
        return members.stream().filter(m -> m.report().grade() == o).count();
    }

    /** The fleet's summary table: an image a row, a column per promise, its grade and wall time. */
    public String table() {
        List<String> promises = promiseIds();
        int name = Math.max(
                5,
                members.stream().mapToInt(m -> m.member().name().length()).max().orElse(0));
        int from = Math.max(
                4,
                members.stream()
                        .mapToInt(m -> m.member().source().toString().length())
                        .max()
                        .orElse(0));
        StringBuilder row = new StringBuilder("%-" + name + "s  %-" + from + "s");
        promises.forEach(p -> row.append("  %-").append(Math.max(p.length(), 7)).append('s'));
        row.append("  %-6s  %s%n");
        StringBuilder out = new StringBuilder(
                "\nzombielab validate: a fleet of " + fleetSize + " image" + (fleetSize == 1 ? "" : "s")
                        + (shard.equals(Shard.ALL) ? "" : ", shard " + shard + ": " + members.size() + " of them")
                        + " (run " + runId + ")\n\n");
        List<Object> head = new ArrayList<>(List.of("IMAGE", "FROM"));
        promises.forEach(p -> head.add(p.toUpperCase(Locale.ROOT)));
        head.addAll(List.of("GRADE", "TOOK"));
        out.append(String.format(row.toString(), head.toArray()));
        for (Member m : members) {
            List<Object> cells = new ArrayList<>(
                    List.of(m.member().name(), m.member().source().toString()));
            promises.forEach(p -> cells.add(cell(m.report(), p)));
            cells.addAll(List.of(m.report().grade().name(), m.took().toSeconds() + " s"));
            out.append(String.format(row.toString(), cells.toArray()));
        }
        return out.append('\n').append(summary()).append('\n').toString();
    }

    /** For a CI job summary: the table, and each image that is not GOOD with its evidence and its fix. */
    public String markdown() {
        List<String> promises = promiseIds();
        StringBuilder md = new StringBuilder("## zombielab validate: ")
                .append(summary())
                .append("\n\n")
                .append("Run ")
                .append(runId)
                .append(", ")
                .append(members.size())
                .append(" of a fleet of ")
                .append(fleetSize)
                .append(" images")
                .append(shard.equals(Shard.ALL) ? "" : " (shard " + shard + ")")
                .append(".\n\n")
                .append("| image | from | ")
                .append(String.join(" | ", promises))
                .append(" | grade |\n|---|---|")
                .append("---|".repeat(promises.size()))
                .append("---|\n");
        for (Member m : members) {
            md.append("| ")
                    .append(esc(m.member().name()))
                    .append(" | ")
                    .append(esc(m.member().source().toString()))
                    .append(" | ");
            promises.forEach(p -> md.append(cell(m.report(), p)).append(" | "));
            md.append(
                            m.report().grade() == ValidateReport.Overall.GOOD
                                    ? "GOOD"
                                    : "**" + m.report().grade() + "**")
                    .append(" |\n");
        }
        for (Member m : members) {
            if (m.report().grade() != ValidateReport.Overall.GOOD) {
                md.append("\n<details><summary>")
                        .append(esc(m.member().name()))
                        .append(": ")
                        .append(m.report().grade())
                        .append("</summary>\n\n```text\n")
                        .append(m.table().strip())
                        .append("\n```\n</details>\n");
            }
        }
        return md.toString();
    }

    /** One self-contained page: the table, then each image's report (open where it is not GOOD). */
    public String html() {
        List<String> promises = promiseIds();
        StringBuilder h = new StringBuilder(
                        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>zombielab validate: ")
                .append(HtmlReport.esc(summary()))
                .append("</title><style>body{font-family:sans-serif;margin:2em}"
                        + "table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:4px 8px}th{background:#f3f3f3}"
                        + ".good{color:#176317;font-weight:bold}.bad{color:#b00020;font-weight:bold}pre{background:#f7f7f7;padding:8px;"
                        + "overflow-x:auto;font-size:12px}</style></head><body>\n<h1>zombielab validate</h1>\n<p>")
                .append(HtmlReport.esc(summary()))
                .append(" &middot; run ")
                .append(HtmlReport.esc(runId))
                .append("</p>\n")
                .append("<table id=\"fleet\"><thead><tr><th>image</th><th>from</th>");
        promises.forEach(p -> h.append("<th>").append(HtmlReport.esc(p)).append("</th>"));
        h.append("<th>grade</th><th>took</th></tr></thead><tbody>\n");
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            boolean good = m.report().grade() == ValidateReport.Overall.GOOD;
            h.append("<tr><td><a href=\"#image-")
                    .append(i)
                    .append("\">")
                    .append(HtmlReport.esc(m.member().name()))
                    .append("</a></td><td>")
                    .append(HtmlReport.esc(m.member().source().toString()))
                    .append("</td>");
            promises.forEach(p -> h.append("<td>").append(cell(m.report(), p)).append("</td>"));
            h.append("<td class=\"")
                    .append(good ? "good" : "bad")
                    .append("\">")
                    .append(m.report().grade())
                    .append("</td><td>")
                    .append(m.took().toSeconds())
                    .append(" s</td></tr>\n");
        }
        h.append("</tbody></table>\n");
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            boolean good = m.report().grade() == ValidateReport.Overall.GOOD;
            h.append("<details id=\"image-")
                    .append(i)
                    .append("\"")
                    .append(good ? "" : " open")
                    .append("><summary>")
                    .append(HtmlReport.esc(m.member().name()))
                    .append(" &mdash; ")
                    .append(m.report().grade())
                    .append("</summary><pre>")
                    .append(HtmlReport.esc(m.table().strip()))
                    .append("</pre></details>\n");
        }
        return h.append("</body></html>\n").toString();
    }

    /** The JSON document: the whole's grade and each image's own validate document. */
    public record Document(
            String grade,
            boolean allKept,
            String shard,
            int fleetSize,
            String runId,
            long tookMs,
            List<Image> images) {}

    /** One image of the JSON document. */
    public record Image(
            String name, String from, long tookMs, List<String> fix, List<String> notes, PromiseJson.Document report) {}

    public String json() {
        return ReportJson.write(new Document(
                grade().name(),
                allHold(),
                shard.toString(),
                fleetSize,
                runId,
                took.toMillis(),
                members.stream()
                        .map(m -> new Image(
                                m.member().name(),
                                m.member().source().toString(),
                                m.took().toMillis(),
                                m.fix(),
                                m.member().notes(),
                                PromiseJson.document(m.report())))
                        .toList()));
    }

    /** JUnit XML: a test suite per image ({@code zombielab.validate.NAME}), its promises its test cases. */
    public JunitReport junit(String hostname) {
        List<JunitReport.Suite> suites = new ArrayList<>();
        Instant at = started;
        for (Member m : members) {
            JunitReport one = PromiseJunit.report(m.report(), at, m.took(), hostname);
            for (JunitReport.Suite s : one.suites()) {
                var properties = new java.util.LinkedHashMap<>(s.properties());
                properties.put("zombielab.from", m.member().source().toString());
                properties.put("zombielab.shard", shard.toString());
                Optional.of(m.fix())
                        .filter(f -> !f.isEmpty())
                        .ifPresent(f -> properties.put("zombielab.fix", String.join("\n", f)));
                suites.add(
                        new JunitReport.Suite(s.name(), s.hostname(), s.timestamp(), s.time(), properties, s.cases()));
            }
        }
        return new JunitReport(
                "zombielab validate: a fleet" + (shard.equals(Shard.ALL) ? "" : ", shard " + shard), took, suites);
    }

    private static String esc(String text) {
        return text.replace("|", "\\|");
    }
}
