package io.zombielab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * The usage text, generated from the commands' definitions: a synopsis per command, what each does, each
 * option once, the exit codes. `zombielab` prints it, and so does the launcher (docs/usage.txt, written by
 * {@link #main} and held equal to this by a test).
 */
final class Usage {

    private static final String EXIT_CODES = """
            exit codes: 0 every cell holds (every judged promise kept); 1 a cell does not hold, a promise is broken or
                        could not be checked; 2 a usage error or a bad scenario file (nothing ran); 3 the environment
                        is not ready (no engine, no base image, a tool missing)
            """;

    private static final int SYNOPSIS_WIDTH = 400;

    private Usage() {}

    static String text(CommandLine root) {
        StringBuilder out = new StringBuilder();
        String lead = "usage: ";
        for (CommandLine sub : root.getSubcommands().values()) {
            out.append(lead).append(synopsis(sub)).append('\n');
            lead = "       ";
        }
        out.append(lead).append("zombielab [COMMAND] -h | --help | -V | --version\n");
        out.append('\n');
        root.getSubcommands()
                .forEach((name, sub) -> out.append(String.format(
                        "  %-10s %s%n",
                        name,
                        String.join(" ", sub.getCommandSpec().usageMessage().description()))));
        // Each option once; one name with two meanings (validate's --reaper) says which commands have which.
        Map<String, Map<String, java.util.List<String>>> options = new LinkedHashMap<>();
        root.getSubcommands().forEach((command, sub) -> {
            for (OptionSpec o : sub.getCommandSpec().options()) {
                String name = o.longestName() + (o.arity().max() > 0 ? " " + o.paramLabel() : "");
                options.computeIfAbsent(name, n -> new LinkedHashMap<>())
                        .computeIfAbsent(String.join(" ", o.description()), d -> new java.util.ArrayList<>())
                        .add(command);
            }
        });
        int width = options.keySet().stream().mapToInt(String::length).max().orElse(0);
        out.append("\noptions:\n");
        options.forEach((name, meanings) -> meanings.forEach((description, commands) -> out.append(String.format(
                "  %-" + width + "s  %s%s%n",
                name,
                description,
                meanings.size() > 1 ? " (" + String.join(", ", commands) + ")" : ""))));
        return out.append('\n').append(EXIT_CODES).toString();
    }

    /** "zombielab matrix [--reaper ID[,ID...]]... [--shard K/N] ...": picocli's, on one line. */
    private static String synopsis(CommandLine sub) {
        // Wide enough that picocli never wraps it: a wrap can fall inside "ID[,ID...]". The command's own
        // --help keeps its width.
        int width = sub.getUsageHelpWidth();
        sub.setUsageHelpWidth(SYNOPSIS_WIDTH);
        String generated = sub.getHelp().synopsis(0).replaceFirst("^Usage: ", "");
        sub.setUsageHelpWidth(width);
        return generated.lines().map(String::trim).collect(Collectors.joining(" "));
    }

    /** A wrong command line in the words zombielab uses for it. */
    static String problem(CommandLine.ParameterException wrong) {
        if (wrong instanceof CommandLine.UnmatchedArgumentException unmatched
                && !unmatched.getUnmatched().isEmpty()) {
            String first = unmatched.getUnmatched().get(0);
            String command = wrong.getCommandLine().getCommandName();
            if (wrong.getCommandLine().getParent() == null && !first.startsWith("-")) {
                return "unknown command '" + first + "'";
            }
            return first.startsWith("-")
                    ? "unknown option '" + first + "' for " + command
                    : command + " takes no argument '" + first + "'";
        }
        if (wrong instanceof CommandLine.MutuallyExclusiveArgsException) {
            // "Error: --quiet, --json are mutually exclusive (specify only one)"
            String names =
                    wrong.getMessage().replaceFirst("^Error: ", "").replaceFirst(" are mutually exclusive.*$", "");
            return String.join(" and ", names.split(", ")) + " exclude each other";
        }
        if (wrong.getCause() instanceof TypeConversionException conversion) {
            return conversion.getMessage();
        }
        return wrong.getMessage().replaceFirst("^Error: ", "");
    }

    /** What {@code zombielab COMMAND --help} prints, for each command by name. */
    static Map<String, String> commandHelp(CommandLine root) {
        Map<String, String> help = new LinkedHashMap<>();
        root.getSubcommands().forEach((name, sub) -> help.put(name, sub.getUsageMessage()));
        return help;
    }

    /** Where the launcher finds {@code COMMAND}'s help in a checkout (it answers --help without a build). */
    static Path helpFile(Path docs, String command) {
        return docs.resolve("help").resolve(command + ".txt");
    }

    /**
     * Writes what the launcher prints without a build: docs/usage.txt and docs/help/COMMAND.txt, from
     * {@code java -cp target/classes:target/lib/'*' io.zombielab.cli.Usage docs}.
     */
    public static void main(String[] args) throws IOException {
        Path docs = Path.of(args[0]);
        CommandLine root = Main.commandLine();
        Files.writeString(docs.resolve("usage.txt"), text(root));
        Files.createDirectories(docs.resolve("help"));
        for (Map.Entry<String, String> command : commandHelp(root).entrySet()) {
            Files.writeString(helpFile(docs, command.getKey()), command.getValue());
        }
    }
}
