package io.zombielab.cli;

import io.zombielab.Lab;
import io.zombielab.engine.DockerEngine;
import io.zombielab.image.ImageCatalog;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** The {@code zombielab} command: picks the subcommand; exit codes are in {@link ExitCode}. */
public final class Main {

    static final String USAGE_TEXT = """
            usage: zombielab reproduce [--parallel N] [--quiet | --json]
                   zombielab matrix [--reaper ID]... [--shard K/N] [--parallel N] [--quiet | --json] [--scenarios] [SCENARIO_FILE...]
                   zombielab validate --reaper ID [--quiet | --json]
                   zombielab validate --image IMAGE [--entrypoint "CMD ARG..."] [--name NAME] [--quiet | --json]
                   zombielab plan [--reaper ID]... [SCENARIO_FILE...]
                   zombielab probes [--samples N]
                   zombielab flakes REPORT.json REPORT.json...
                   zombielab speed REPORT.json BASELINE.tsv
              reproduce  runs the story's cells (scenarios/story.yaml) in containers and prints the matrix
              matrix     runs the cells of the given scenario files (default: every scenarios/*.yaml);
                         --reaper keeps the cells of the reapers named (also ZOMBIELAB_REAPERS=id,id)
                         --shard K/N runs the K-th of N equal parts of them, for parallel CI jobs (also ZOMBIELAB_SHARD=K/N)
              --parallel runs N cells at once, each in its own container (also ZOMBIELAB_PARALLEL=N; default 1)
              --quiet    no progress, only the summary line; --json: the JSON report on stdout
              every run writes its reports to target/zombielab-report/ (html, md, json, svg, txt)
              validate   checks an init's promises: a reference one (tini, tini-group, docker-init, dumb-init,
                         catatonit) or yours, in your image, in front of zombielab's static test program
              plan       prints each cell's container as a docker run line (builds its image; runs nothing)
              probes     times the host and the universal probe on one container here (median of N snapshots)
              flakes     compares the report.json of runs of the same cells; prints cells whose verdict changed
              speed      the harness's seconds per cell against bench/baseline's for the same cells (bench/speed)""";

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(USAGE_TEXT);
            return ExitCode.USAGE;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (args[0].equals("flakes") || args[0].equals("speed")) {
            try {
                return args[0].equals("flakes") ? FlakesCommand.run(rest, out, err) : SpeedCommand.run(rest, out);
            } catch (UsageException e) {
                err.println("[zombielab] ERROR: " + e.getMessage() + (e.showUsage ? "\n" + USAGE_TEXT : ""));
                return ExitCode.USAGE;
            }
        }
        Function<Lab, Integer> command;
        try {
            command = switch (args[0]) {
                case "reproduce" -> MatrixCommand.reproduce(rest, out, err);
                case "matrix" -> MatrixCommand.matrix(rest, out, err);
                case "validate" -> ValidateCommand.parse(rest, out, err);
                case "plan" -> PlanCommand.parse(rest, out);
                case "probes" -> ProbesCommand.parse(rest, out);
                default -> throw new UsageException("unknown command '" + args[0] + "'");
            };
        } catch (UsageException e) {
            // The usage text helps with a wrong command line, not with a wrong scenario file.
            err.println("[zombielab] ERROR: " + e.getMessage() + (e.showUsage ? "\n" + USAGE_TEXT : ""));
            return ExitCode.USAGE;
        }
        Lab lab;
        try {
            boolean quiet = Arrays.asList(args).contains("--quiet");
            lab = Lab.open(line -> {
                if (!quiet) {
                    err.println("[zombielab] " + line);
                }
            });
        } catch (DockerEngine.EngineUnavailableException | ImageCatalog.ImageBuildException e) {
            err.println("[zombielab] ERROR: " + e.getMessage());
            return ExitCode.ENVIRONMENT;
        }
        return command.apply(lab);
    }

    /** The command line is wrong; says what. */
    static final class UsageException extends RuntimeException {
        final boolean showUsage;

        UsageException(String message) {
            this(message, true);
        }

        UsageException(String message, boolean showUsage) {
            super(message);
            this.showUsage = showUsage;
        }
    }
}
