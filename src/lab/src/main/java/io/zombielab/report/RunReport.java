package io.zombielab.report;

import io.zombielab.verdict.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One run of the harness, as every report renders it: the cells' verdicts, the cells that could not run,
 * and the reading of the story where the story was run.
 *
 * @param title   what was run, e.g. the scenario files
 * @param errors  the cells that could not run (no verdict), with why
 * @param reading the story, stage by stage; empty unless the story's cells ran
 */
public record RunReport(
        String title,
        String runId,
        Instant finishedAt,
        Duration took,
        List<Verdict> verdicts,
        List<CellError> errors,
        List<String> reading) {

    public RunReport {
        verdicts = List.copyOf(verdicts);
        errors = List.copyOf(errors);
        reading = List.copyOf(reading);
    }

    public long holding() {
        return verdicts.stream().filter(Verdict::holds).count();
    }

    public int cells() {
        return verdicts.size() + errors.size();
    }

    public boolean allHold() {
        return errors.isEmpty() && holding() == verdicts.size();
    }

    /** Which probe observed the cells: "host probe (the host's /proc ...)", or each of them where they differ. */
    public String observedBy() {
        return ProbeModes.describe(
                verdicts.stream().map(v -> v.observation().probe()).toList());
    }

    /** Each cell's row, in the run's order. */
    public List<MatrixRow> rows() {
        return verdicts.stream().map(MatrixRow::of).toList();
    }

    /** The run as report.json holds it. */
    public ReportDocument document() {
        return new ReportDocument(
                runId,
                title,
                finishedAt.toString(),
                Math.round(took.toMillis() / 100.0) / 10.0,
                cells(),
                holding(),
                allHold(),
                observedBy(),
                errors,
                reading,
                rows());
    }
}
