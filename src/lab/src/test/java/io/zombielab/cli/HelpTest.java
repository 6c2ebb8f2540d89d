package io.zombielab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zombielab.Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The conventions of a command line, in this JVM: every command answers -h/--help and -V/--version at once
 * (exit 0, on stdout, before any input is checked or any engine asked), and every path it takes is relative to
 * where the user stands, whichever option or parameter takes it.
 */
@Tag("unit")
class HelpTest {

    /** What each command's --help prints, generated once for the class. */
    private static final java.util.Map<String, String> HELP = Usage.commandHelp(Main.commandLine());

    /** Every command the usage text lists. */
    static Stream<String> commands() {
        return HELP.keySet().stream();
    }

    private static String version() {
        return "zombielab " + System.getProperty("zombielab.version");
    }

    @ParameterizedTest(name = "{0} --help")
    @MethodSource("commands")
    @DisplayName("COMMAND -h and --help: its help on stdout, exit 0, even when its required input is missing")
    void help(String command) {
        for (String flag : List.of("-h", "--help")) {
            Console console = new Console();
            assertThat(console.run(command, flag))
                    .as(command + " " + flag + "; it said:\n" + console.err())
                    .isZero();
            assertThat(console.out())
                    .as(command + " " + flag)
                    .startsWith("Usage: zombielab " + command)
                    .isEqualTo(HELP.get(command))
                    .contains("-h, --help", "-V, --version");
            assertThat(console.err())
                    .as(command + " " + flag + ": nothing said on stderr (no engine asked)")
                    .isEmpty();
        }
    }

    @ParameterizedTest(name = "{0} --version")
    @MethodSource("commands")
    @DisplayName("COMMAND -V and --version: the version Maven built, exit 0")
    void version(String command) {
        for (String flag : List.of("-V", "--version")) {
            Console console = new Console();
            assertThat(console.run(command, flag))
                    .as(command + " " + flag + "; it said:\n" + console.err())
                    .isZero();
            assertThat(console.out()).isEqualTo(version() + "\n");
        }
    }

    @Test
    @DisplayName("zombielab --help is the usage text, on stdout, exit 0; --version the version")
    void rootHelpAndVersion() {
        Console help = new Console();
        assertThat(help.run("--help")).isZero();
        assertThat(help.out()).isEqualTo(Usage.text(Main.commandLine()));
        Console version = new Console();
        assertThat(version.run("--version")).isZero();
        assertThat(version.out()).isEqualTo(version() + "\n");
        assertThat(System.getProperty("zombielab.version"))
                .as("surefire passes Maven's version")
                .isNotBlank();
    }

    @Test
    @DisplayName("a relative path is the caller's, in an option, a mixin's option, a list option and a positional")
    void relativePathsAreTheCallers() {
        Path caller = Path.of("/somewhere/the/user/stands");
        java.util.Properties launcherSaid = new java.util.Properties();
        launcherSaid.setProperty(Settings.CALLER_DIRECTORY, caller.toString());
        Settings settings = Settings.of(java.util.Map.of(), launcherSaid);
        CommandLine line = Main.commandLine(settings);
        CommandLine.ParseResult matrix = line.parseArgs(
                "matrix", "--junit", "out/junit.xml", "--scenarios", "a.yaml", "../b.yaml", "/abs/c.yaml");
        MatrixCommand m = matrix.subcommand().commandSpec().commandLine().getCommand();
        assertThat(m.junit.file).isEqualTo(caller.resolve("out/junit.xml"));
        assertThat(m.scenarios)
                .containsExactly(
                        caller.resolve("a.yaml"), Path.of("/somewhere/the/user/b.yaml"), Path.of("/abs/c.yaml"));
        CommandLine.ParseResult speed = Main.commandLine(settings).parseArgs("speed", "r.json", "b.tsv");
        SpeedCommand s = speed.subcommand().commandSpec().commandLine().getCommand();
        assertThat(List.of(s.report, s.baseline)).containsExactly(caller.resolve("r.json"), caller.resolve("b.tsv"));
    }

    @Test
    @DisplayName(
            "the launcher names no option of the CLI but those it answers itself: help, version, and --quiet for its own steps")
    void launcherParsesNoOption() throws Exception {
        String launcher = java.nio.file.Files.readString(Path.of("zombielab"));
        List<String> options = new java.util.ArrayList<>();
        collectOptions(Main.commandLine(), options);
        options.removeAll(List.of("-h", "--help", "-V", "--version", "--quiet"));
        assertThat(options).contains("--junit", "--reaper", "--scenarios", "--parallel", "--shard");
        for (String option : options) {
            assertThat(launcher)
                    .as("./zombielab mentions " + option + ": the CLI parses it, the launcher passes it on")
                    .doesNotContainPattern("(?<![\\w-])" + java.util.regex.Pattern.quote(option) + "(?![\\w-])");
        }
    }

    private static void collectOptions(CommandLine line, List<String> names) {
        line.getCommandSpec().options().forEach(o -> names.addAll(List.of(o.names())));
        line.getSubcommands().values().forEach(sub -> collectOptions(sub, names));
    }
}
