package io.zombielab.cli;

import io.zombielab.engine.DockerEngine;
import io.zombielab.image.ImageCatalog;
import io.zombielab.image.ImageRefusedException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code zombielab} command: every command and option defined once, by picocli's annotations on the
 * command classes; the usage text ({@link Usage}) is generated from them, and the launcher prints the same
 * (docs/usage.txt). Exit codes are mapped here, in one place ({@link ExitCode}).
 */
@Command(name = "zombielab", subcommands = {ReproduceCommand.class, MatrixCommand.class, ValidateCommand.class,
        PlanCommand.class, ProbesCommand.class, FlakesCommand.class, SpeedCommand.class, LauncherCommand.Test.class,
        LauncherCommand.Doctor.class, LauncherCommand.Gc.class})
public final class Main implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** No command: the usage text. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().print(Usage.text(spec.commandLine()));
        return ExitCode.USAGE;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine line = commandLine();
        PrintWriter o = new PrintWriter(out, true, StandardCharsets.UTF_8);
        PrintWriter e = new PrintWriter(err, true, StandardCharsets.UTF_8);
        line.setOut(o);
        line.setErr(e);
        line.setParameterExceptionHandler((wrong, given) -> say(e, Usage.problem(wrong), true, line));
        line.setExecutionExceptionHandler((thrown, command, parsed) -> failed(thrown, e, line));
        int code = line.execute(args);
        o.flush();
        e.flush();
        return code;
    }

    /** The command line, every command with a space between an option and its value. */
    static CommandLine commandLine() {
        CommandLine line = new CommandLine(new Main());
        line.setSeparator(" ");
        return line;
    }

    /**
     * What ended a command: a wrong input (2), an environment not ready (3), a file it could not write after its
     * run (1, said in one line), or a failure of its own (1).
     */
    private static int failed(Exception thrown, PrintWriter err, CommandLine line) {
        if (thrown instanceof UsageException usage) {
            return say(err, usage.getMessage(), usage.showUsage, line);
        }
        if (thrown instanceof ImageRefusedException refused) {
            err.println("[zombielab] ERROR: " + refused.getMessage() + "\n[zombielab] nothing was judged");
            return refused.kind() == ImageRefusedException.Kind.INPUT ? ExitCode.USAGE : ExitCode.ENVIRONMENT;
        }
        if (thrown instanceof OutputFileException output) {
            err.println("[zombielab] ERROR: " + output.getMessage());
            return ExitCode.FAILED;
        }
        if (thrown instanceof DockerEngine.EngineUnavailableException || thrown instanceof ImageCatalog.ImageBuildException) {
            err.println("[zombielab] ERROR: " + thrown.getMessage());
            return ExitCode.ENVIRONMENT;
        }
        thrown.printStackTrace(err);
        return ExitCode.FAILED;
    }

    private static int say(PrintWriter err, String problem, boolean usage, CommandLine line) {
        err.println("[zombielab] ERROR: " + problem + (usage ? "\n" + Usage.text(line) : ""));
        return ExitCode.USAGE;
    }
}
