package io.zombielab.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The harness's wall time per cell next to the shell baseline's (bench/baseline) for the same cells, and
 * their ratio: below 1.0 the harness is the faster. Cells are matched by id, repeats in order.
 */
public final class SpeedTable {

    /** One cell: seconds by the harness and by the baseline. */
    public record Row(String cell, double harness, double baseline) {
        public double ratio() {
            return harness / baseline;
        }
    }

    private final List<Row> rows;

    private SpeedTable(List<Row> rows) {
        this.rows = rows;
    }

    /**
     * @param harnessReport the report.json of the harness's run, read back
     * @param baselineLines bench/baseline's lines: id, seconds, ...
     */
    public static SpeedTable of(ReportDocument harnessReport, List<String> baselineLines) {
        Map<String, Double> baseline = new LinkedHashMap<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (String line : baselineLines) {
            String[] f = line.split("\t");
            if (f.length >= 2) {
                baseline.put(numbered(f[0], seen), Double.parseDouble(f[1]));
            }
        }
        List<Row> rows = new ArrayList<>();
        seen.clear();
        for (MatrixRow v : harnessReport.verdicts()) {
            String key = numbered(v.cell().id(), seen);
            Double base = baseline.get(key);
            if (base != null) {
                rows.add(new Row(key, v.seconds(), base));
            }
        }
        return new SpeedTable(rows);
    }

    private static String numbered(String id, Map<String, Integer> seen) {
        int n = seen.merge(id, 1, Integer::sum);
        return n == 1 ? id : id + " #" + n;
    }

    public List<Row> rows() {
        return rows;
    }

    public double harnessTotal() {
        return rows.stream().mapToDouble(Row::harness).sum();
    }

    public double baselineTotal() {
        return rows.stream().mapToDouble(Row::baseline).sum();
    }

    public double medianRatio() {
        double[] r = rows.stream().mapToDouble(Row::ratio).sorted().toArray();
        if (r.length == 0) {
            return Double.NaN;
        }
        return r.length % 2 == 1 ? r[r.length / 2] : (r[r.length / 2 - 1] + r[r.length / 2]) / 2;
    }

    public long cellsSlowerThanBaseline() {
        return rows.stream().filter(r -> r.ratio() > 1.0).count();
    }

    public String render() {
        StringBuilder out =
                new StringBuilder(String.format("%-40s %9s %9s %6s%n", "CELL", "HARNESS", "BASELINE", "RATIO"));
        rows.forEach(r -> out.append(
                String.format("%-40s %7.2f s %7.2f s %6.2f%n", r.cell(), r.harness(), r.baseline(), r.ratio())));
        out.append(String.format(
                "%-40s %7.1f s %7.1f s %6.2f%n",
                "all " + rows.size() + " cells", harnessTotal(), baselineTotal(), harnessTotal() / baselineTotal()));
        out.append(String.format(
                "median ratio per cell %.2f; cells where the harness is slower: %d of %d%n",
                medianRatio(), cellsSlowerThanBaseline(), rows.size()));
        return out.toString();
    }
}
