package io.zombielab.cli;

import io.zombielab.report.FlakeReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * {@code flakes REPORT.json...}: compares the reports of runs of the same cells (bench/flakes makes them) and
 * prints every cell whose verdict changed. Needs no engine. Exit 0 only when every cell held in every run.
 */
final class FlakesCommand {

    private FlakesCommand() {
    }

    @SuppressWarnings("unchecked")
    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() < 2) {
            throw new Main.UsageException("flakes needs the report.json of two runs or more, e.g. target/flakes/*/run-*.json");
        }
        List<Map<String, Object>> runs = new ArrayList<>();
        for (String arg : args) {
            Path file = Path.of(arg);
            try {
                // JSON is YAML: the scenario files' parser reads the reports too.
                Object parsed = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
                if (!(parsed instanceof Map<?, ?> map) || !map.containsKey("verdicts")) {
                    throw new Main.UsageException(file + ": not a zombielab report.json (no \"verdicts\")", false);
                }
                runs.add((Map<String, Object>) map);
            } catch (IOException e) {
                throw new Main.UsageException("cannot read " + file + ": " + e.getMessage(), false);
            } catch (RuntimeException e) {
                if (e instanceof Main.UsageException) {
                    throw e;
                }
                throw new Main.UsageException(file + ": not a zombielab report.json (" + e.getMessage() + ")", false);
            }
        }
        FlakeReport report = FlakeReport.of(runs);
        out.print(report.render());
        return report.cellsNotAlwaysHolding() == 0 ? ExitCode.OK : ExitCode.FAILED;
    }
}
