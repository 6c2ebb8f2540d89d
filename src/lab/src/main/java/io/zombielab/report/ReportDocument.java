package io.zombielab.report;

import java.util.List;

/**
 * A run as report.json holds it: what was run, when and how fast, by which probe, each cell's row, the cells
 * that could not run, and the story's reading. Written and read back with Jackson ({@link ReportJson}).
 */
public record ReportDocument(
        String runId,
        String title,
        String finishedAt,
        double seconds,
        int cells,
        long holding,
        boolean allHold,
        String observedBy,
        List<CellError> errors,
        List<String> reading,
        List<MatrixRow> verdicts) {

    public ReportDocument {
        errors = errors == null ? List.of() : List.copyOf(errors);
        reading = reading == null ? List.of() : List.copyOf(reading);
        verdicts = verdicts == null ? List.of() : List.copyOf(verdicts);
    }
}
