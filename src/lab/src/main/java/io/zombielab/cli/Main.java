package io.zombielab.cli;

import io.zombielab.Settings;
import io.zombielab.engine.DockerEngine;
import io.zombielab.image.ImageCatalog;
import io.zombielab.image.ImageRefusedException;
import java.io.File;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code zombielab} command: every command and option defined once, by picocli's annotations on the
 * command classes; the usage text ({@link Usage}) is generated from them, and the launcher prints the same
 * (docs/usage.txt). Exit codes are mapped here, in one place ({@link ExitCode}).
 */
@Command(
        name = "zombielab",
        subcommands = {
            ReproduceCommand.class,
            MatrixCommand.class,
            ValidateCommand.class,
            PlanCommand.class,
            ProbesCommand.class,
            FlakesCommand.class,
            SpeedCommand.class,
            LauncherCommand.Test.class,
            DoctorCommand.class,
            GcCommand.class
        })
public final class Main implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Read from the environment once, here at the edge; every command takes what it needs from it. */
    private final Settings settings;

    private Main(Settings settings) {
        this.settings = settings;
    }

    /** The settings of the command line {@code command} belongs to. */
    static Settings settings(CommandSpec command) {
        return ((Main) command.root().userObject()).settings;
    }

    /** No command: the usage text. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().print(Usage.text(spec.commandLine()));
        return ExitCode.USAGE;
    }

    public static void main(String[] args) {
        Thread.setDefaultUncaughtExceptionHandler(
                new ThreadDeaths(new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(commandLine(), args, out, err);
    }

    /** Runs {@code args} on {@code line} (its settings given by the caller: a test's own environment). */
    static int run(CommandLine line, String[] args, PrintStream out, PrintStream err) {
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

    /** The command line, with the settings this JVM's environment and system properties give. */
    static CommandLine commandLine() {
        return commandLine(Settings.fromEnvironment());
    }

    /**
     * The command line: every command with a space between an option and its value, {@code -h/--help} and
     * {@code -V/--version}, and every {@link Path} (or {@link File}) an option or parameter takes, of any command,
     * resolved against the caller's directory (the launcher names it; see {@link Settings.Places}): a new option
     * needs no code for it, here or in the launcher.
     */
    static CommandLine commandLine(Settings settings) {
        Path callerDirectory = settings.places().callerDirectory();
        CommandLine line = new CommandLine(new Main(settings), new Factory(settings));
        line.setSeparator(" ");
        everyCommand(line, command -> {
            command.getCommandSpec().addMixin("help", CommandSpec.forAnnotatedObject(new Options.HelpMixin()));
            command.getCommandSpec().versionProvider(new Version());
            // Plain text on a terminal too: the launcher prints the same help from docs/help/ (UsageTest).
            command.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        });
        // After the help options: registered on every command that exists by now, their mixins included.
        line.registerConverter(
                Path.class, value -> callerDirectory.resolve(value).normalize());
        line.registerConverter(
                File.class, value -> callerDirectory.resolve(value).normalize().toFile());
        // `zombielab --help` is the usage text, as with no command (but on stdout, and exit 0: it was asked for).
        line.getCommandSpec()
                .usageMessage()
                .sectionKeys(List.of("zombielab"))
                .sectionMap(Map.of("zombielab", help -> Usage.text(line)));
        return line;
    }

    /** Picocli's factory, but the help's list of families is the checkout's the settings name (not a second reading). */
    private record Factory(Settings settings) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            return type == Options.FamilyNames.class
                    ? type.cast(new Options.FamilyNames(settings.places().layout()))
                    : CommandLine.defaultFactory().create(type);
        }
    }

    private static void everyCommand(CommandLine line, Consumer<CommandLine> action) {
        action.accept(line);
        line.getSubcommands().values().forEach(sub -> everyCommand(sub, action));
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
        if (thrown instanceof DockerEngine.EngineUnavailableException
                || thrown instanceof ImageCatalog.ImageBuildException) {
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
