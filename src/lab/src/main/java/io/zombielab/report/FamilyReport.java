package io.zombielab.report;

import io.zombielab.observe.FamilyObservation;
import io.zombielab.scenario.Family;
import io.zombielab.scenario.FamilyCell;
import io.zombielab.scenario.Measure;
import io.zombielab.scenario.Role;
import io.zombielab.verdict.FamilyVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The scenario families of a run as the story reads: per family, what broke, the bug cell's numbers, the fix
 * and its numbers, the upstream reports; before that, a table of every family cell. Cells that could not run
 * are listed as errors, never as passes.
 */
public final class FamilyReport {

    /** A family cell that could not run: which, and why. */
    public record Error(FamilyCell cell, String cause) {
        public String line() {
            return "family cell " + cell + " could not run: " + cause;
        }
    }

    private FamilyReport() {}

    /** The table: one row per cell, in the files' order. */
    public static String table(List<FamilyVerdict> verdicts, List<Error> errors) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"FAMILY", "ROLE", "CELL", "PID 1", "HOLDS", "MEASURED", "TIME"});
        for (FamilyVerdict v : verdicts) {
            FamilyCell c = v.observation().cell();
            rows.add(new String[] {
                c.family(),
                c.role().id(),
                c.name() + " [" + c.variant().id() + "]",
                c.reaper().id(),
                v.holds() ? "yes" : "NO",
                measured(v.observation()),
                seconds(v.observation())
            });
        }
        for (Error e : errors) {
            FamilyCell c = e.cell();
            rows.add(new String[] {
                c.family(),
                c.role().id(),
                c.name() + " [" + c.variant().id() + "]",
                c.reaper().id(),
                "ERROR",
                e.cause().lines().findFirst().orElse(""),
                ""
            });
        }
        int[] widths = new int[rows.get(0).length];
        rows.forEach(r -> {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        });
        StringBuilder out = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(i == r.length - 1 ? r[i] : String.format("%-" + widths[i] + "s  ", r[i]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** Each family, read off its measured cells: what broke, the bug's numbers, the fix's numbers, upstream. */
    public static List<String> reading(List<Family> families, List<FamilyVerdict> verdicts) {
        List<String> lines = new ArrayList<>();
        for (Family f : families) {
            Optional<FamilyVerdict> bug = first(f, Role.BUG, verdicts);
            Optional<FamilyVerdict> fix = first(f, Role.FIX, verdicts);
            if (bug.isEmpty() && fix.isEmpty()) {
                continue;
            }
            lines.add(f.title() + " (" + String.join(", ", f.upstream()) + ")");
            lines.add("  what broke: " + f.broke());
            bug.ifPresent(v -> {
                lines.add("  bug, " + describe(v));
                v.observation().events().forEach(e -> lines.add("    " + e));
            });
            lines.add("  the fix: " + f.fix());
            fix.ifPresent(v -> {
                lines.add("  fix, " + describe(v));
                v.observation().events().forEach(e -> lines.add("    " + e));
            });
            lines.add("  upstream: "
                    + f.upstream().stream().map(FamilyReport::link).collect(Collectors.joining(" ")));
        }
        return lines;
    }

    /** "https://github.com/owner/repo/issues/N" (GitHub sends a pull request's number on to it). */
    public static String link(String upstream) {
        int hash = upstream.indexOf('#');
        return "https://github.com/" + upstream.substring(0, hash) + "/issues/" + upstream.substring(hash + 1);
    }

    /** "zombies 10, zombies-per-run 1.00", in the measures' order. */
    public static String measured(FamilyObservation o) {
        return new TreeMap<>(o.measured())
                .entrySet().stream()
                        .filter(e -> o.cell().expect().containsKey(e.getKey()))
                        .map(e -> e.getKey().id() + " " + e.getKey().format(e.getValue()))
                        .collect(Collectors.joining(", "));
    }

    private static String describe(FamilyVerdict v) {
        FamilyObservation o = v.observation();
        return "'" + o.cell().name() + "' (" + o.cell().reaper().id() + ", "
                + o.cell().runs() + " run" + (o.cell().runs() == 1 ? "" : "s") + "): " + measured(o)
                + (v.holds() ? "" : " (DOES NOT HOLD)");
    }

    private static String seconds(FamilyObservation o) {
        return String.format("%.1f s", o.elapsed().toMillis() / 1000.0);
    }

    private static Optional<FamilyVerdict> first(Family f, Role role, List<FamilyVerdict> verdicts) {
        return verdicts.stream()
                .filter(v -> v.observation().cell().family().equals(f.id())
                        && v.observation().cell().role() == role)
                .findFirst();
    }

    /** The families' section of report.html: the table and the reading, as the terminal prints them. */
    public static String html(String familiesText) {
        return familiesText.isEmpty()
                ? ""
                : "<h2>Scenario families</h2>\n<pre id=\"families\">" + HtmlReport.esc(familiesText) + "</pre>\n";
    }

    /** The cells as families.json holds them. */
    public static List<Map<String, Object>> document(List<FamilyVerdict> verdicts, List<Error> errors) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (FamilyVerdict v : verdicts) {
            FamilyObservation o = v.observation();
            Map<String, Object> row = new java.util.LinkedHashMap<>();
            row.put("id", o.cell().id());
            row.put("family", o.cell().family());
            row.put("role", o.cell().role().id());
            row.put("name", o.cell().name());
            row.put("reaper", o.cell().reaper().id());
            row.put("holds", v.holds());
            row.put("probe", o.probe().id());
            Map<String, Double> measures = new java.util.LinkedHashMap<>();
            new TreeMap<Measure, Double>(o.measured())
                    .forEach((m, x) -> measures.put(m.id(), Math.round(x * 1000) / 1000.0));
            row.put("measured", measures);
            row.put("checks", v.checks().stream().map(c -> c.line()).toList());
            row.put(
                    "zombiesPerRun",
                    o.runs().stream().map(FamilyObservation.RunSample::zombies).toList());
            row.put("seconds", Math.round(o.elapsed().toMillis() / 100.0) / 10.0);
            row.put("processTable", o.processTable());
            if (!o.events().isEmpty()) {
                row.put("events", o.events());
            }
            out.add(row);
        }
        for (Error e : errors) {
            out.add(Map.of("id", e.cell().id(), "family", e.cell().family(), "error", e.cause()));
        }
        return out;
    }
}
