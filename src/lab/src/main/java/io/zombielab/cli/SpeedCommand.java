package io.zombielab.cli;

import io.zombielab.report.SpeedTable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code speed REPORT.json BASELINE.tsv}: bench/'s table, the harness's time per cell against the shell baseline's. */
final class SpeedCommand {

    private SpeedCommand() {
    }

    static int run(List<String> args, PrintStream out) {
        if (args.size() != 2) {
            throw new Main.UsageException("speed needs the harness's report.json and bench/baseline's output");
        }
        SpeedTable table;
        try {
            table = SpeedTable.of(ReportFiles.read(Path.of(args.get(0))), Files.readAllLines(Path.of(args.get(1))));
        } catch (IOException e) {
            throw new Main.UsageException("cannot read " + args.get(1) + ": " + e.getMessage(), false);
        }
        if (table.rows().isEmpty()) {
            throw new Main.UsageException("no cell is in both " + args.get(0) + " and " + args.get(1), false);
        }
        out.print(table.render());
        return ExitCode.OK;
    }
}
