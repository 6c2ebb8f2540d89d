package io.zombielab.report;

/** The run for machines: report.json, every cell's row with its checks, per-cycle samples and observed tree. */
public final class JsonReport {

    private JsonReport() {}

    public static String render(RunReport run) {
        return ReportJson.write(run.document());
    }
}
