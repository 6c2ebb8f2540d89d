package io.zombielab.cli;

import io.zombielab.report.SpeedTable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** {@code speed REPORT.json BASELINE.tsv}: bench/'s table, the harness's time per cell against the shell baseline's. */
final class SpeedCommand {

    private SpeedCommand() {
    }

    @SuppressWarnings("unchecked")
    static int run(List<String> args, PrintStream out) {
        if (args.size() != 2) {
            throw new Main.UsageException("speed needs the harness's report.json and bench/baseline's output");
        }
        try {
            Object report = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(Path.of(args.get(0))));
            if (!(report instanceof Map<?, ?> map) || !map.containsKey("verdicts")) {
                throw new Main.UsageException(args.get(0) + ": not a zombielab report.json (no \"verdicts\")", false);
            }
            SpeedTable table = SpeedTable.of((Map<String, Object>) map, Files.readAllLines(Path.of(args.get(1))));
            if (table.rows().isEmpty()) {
                throw new Main.UsageException("no cell is in both " + args.get(0) + " and " + args.get(1), false);
            }
            out.print(table.render());
            return ExitCode.OK;
        } catch (IOException e) {
            throw new Main.UsageException("cannot read: " + e.getMessage(), false);
        }
    }
}
