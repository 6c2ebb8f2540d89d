package io.zombielab.cli;

import io.zombielab.Lab;
import io.zombielab.run.ContainerSpec;
import io.zombielab.scenario.NextAppWorkload;
import io.zombielab.scenario.ReaperFilter;
import io.zombielab.scenario.Scenario;
import io.zombielab.scenario.ScenarioFileException;
import io.zombielab.scenario.ScenarioFiles;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code plan [--reaper ID]... [FILE...]}: each cell's container as a {@code docker run} line, its images built
 * first; runs nothing. One tab-separated line a cell: id, cycles, workload, the next app's port base (0 for
 * the chain), the command. For running a cell by hand, and for bench/baseline, which runs the same cells
 * with the docker CLI alone.
 */
final class PlanCommand {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=,@%+-]+");

    private PlanCommand() {
    }

    static Function<Lab, Integer> parse(List<String> args, PrintStream out) {
        List<String> reapers = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--reaper") && i + 1 < args.size()) {
                reapers.add(args.get(++i));
            } else if (args.get(i).startsWith("--")) {
                throw new Main.UsageException("unknown option '" + args.get(i) + "' for plan");
            } else {
                files.add(Path.of(args.get(i)));
            }
        }
        List<Scenario> cells;
        try {
            ReaperFilter filter = reapers.isEmpty() ? ReaperFilter.ALL : ReaperFilter.parse(String.join(",", reapers), "--reaper");
            cells = filter.apply(ScenarioFiles.load(files.isEmpty() ? MatrixCommand.allScenarioFiles() : files));
        } catch (ScenarioFileException e) {
            throw new Main.UsageException(e.getMessage() + "\nnothing was planned.", false);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException(e.getMessage());
        }
        return lab -> {
            for (Scenario cell : cells) {
                ContainerSpec spec = lab.plan(cell);
                int portBase = cell.workload() instanceof NextAppWorkload app ? app.portBase() : 0;
                out.println(String.join("\t", cell.id(), Integer.toString(cell.cycles()), cell.workload().id(),
                        Integer.toString(portBase), spec.dockerRun().stream().map(PlanCommand::quote)
                                .collect(Collectors.joining(" "))));
            }
            return ExitCode.OK;
        };
    }

    /** Shell-quoted, only where needed. */
    static String quote(String arg) {
        return PLAIN.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }
}
