package io.zombielab.cli;

import io.zombielab.report.SpeedTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code speed REPORT.json BASELINE.tsv}: bench/'s table, the harness's time per cell against the shell baseline's. */
@Command(
        name = "speed",
        description = "the harness's seconds per cell against bench/baseline's for the same cells (bench/speed)")
final class SpeedCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "REPORT.json", description = "the harness's report.json")
    Path report;

    @Parameters(index = "1", paramLabel = "BASELINE.tsv", description = "bench/baseline's output")
    Path baseline;

    @Override
    public Integer call() {
        SpeedTable table;
        try {
            table = SpeedTable.of(ReportFiles.read(report), Files.readAllLines(baseline));
        } catch (IOException e) {
            throw new UsageException("cannot read " + baseline + ": " + e.getMessage(), false);
        }
        if (table.rows().isEmpty()) {
            throw new UsageException("no cell is in both " + report + " and " + baseline, false);
        }
        spec.commandLine().getOut().print(table.render());
        return ExitCode.OK;
    }
}
