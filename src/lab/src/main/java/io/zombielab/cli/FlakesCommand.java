package io.zombielab.cli;

import io.zombielab.report.FlakeReport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code flakes REPORT.json...}: compares the reports of runs of the same cells (bench/flakes makes them) and
 * prints every cell whose verdict changed. Needs no engine. Exit 0 only when every cell held in every run.
 */
final class FlakesCommand {

    private FlakesCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() < 2) {
            throw new Main.UsageException("flakes needs the report.json of two runs or more, e.g. target/flakes/*/run-*.json");
        }
        List<Map<String, Object>> runs = new ArrayList<>();
        for (String arg : args) {
            runs.add(ReportFiles.read(Path.of(arg)));
        }
        FlakeReport report = FlakeReport.of(runs);
        out.print(report.render());
        return report.cellsNotAlwaysHolding() == 0 ? ExitCode.OK : ExitCode.FAILED;
    }
}
