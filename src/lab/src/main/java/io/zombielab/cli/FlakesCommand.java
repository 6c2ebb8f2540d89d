package io.zombielab.cli;

import io.zombielab.report.FlakeReport;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code flakes REPORT.json...}: compares the reports of runs of the same cells (bench/flakes makes them) and
 * prints every cell whose verdict changed. Needs no engine. Exit 0 only when every cell held in every run.
 */
@Command(
        name = "flakes",
        description = "compares the report.json of runs of the same cells; prints cells whose verdict changed")
final class FlakesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "REPORT.json", arity = "2..*", description = "the report.json of two runs or more")
    List<Path> reports;

    @Override
    public Integer call() {
        FlakeReport report =
                FlakeReport.of(reports.stream().map(ReportFiles::read).toList());
        spec.commandLine().getOut().print(report.render());
        return report.cellsNotAlwaysHolding() == 0 ? ExitCode.OK : ExitCode.FAILED;
    }
}
