package io.zombielab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The usage text and each command's help exist once: generated from the commands' definitions. The launcher
 * prints the copies in docs/ (it answers --help without a build), held equal to the CLI's here.
 */
@Tag("unit")
class UsageTest {

    private static final String REGENERATE =
            "after a change: java -cp 'target/classes:target/lib/*' io.zombielab.cli.Usage docs";

    @Test
    @DisplayName(
            "docs/usage.txt is the usage text the CLI generates (after a change: java -cp ... io.zombielab.cli.Usage docs)")
    void launchersCopyIsCurrent() throws Exception {
        assertThat(Files.readString(Path.of("docs/usage.txt")))
                .as(REGENERATE)
                .isEqualTo(Usage.text(Main.commandLine()));
    }

    @Test
    @DisplayName("docs/help/COMMAND.txt is what `zombielab COMMAND --help` prints, for every command and no other")
    void launchersHelpIsCurrent() throws Exception {
        Map<String, String> help = Usage.commandHelp(Main.commandLine());
        assertThat(help)
                .containsKeys(
                        "reproduce", "matrix", "validate", "plan", "probes", "flakes", "speed", "test", "doctor", "gc");
        for (Map.Entry<String, String> command : help.entrySet()) {
            Path file = Usage.helpFile(Path.of("docs"), command.getKey());
            assertThat(file).as(REGENERATE).exists();
            assertThat(Files.readString(file)).as(file + ", " + REGENERATE).isEqualTo(command.getValue());
        }
        try (var files = Files.list(Path.of("docs/help"))) {
            assertThat(files.map(f -> f.getFileName().toString().replaceFirst("\\.txt$", "")))
                    .as("docs/help/ holds a file for each command and none for a command that is gone")
                    .containsExactlyInAnyOrderElementsOf(help.keySet());
        }
    }

    @Test
    @DisplayName("it names every command, each option of each, help and version, and the exit codes")
    void namesEverything() {
        assertThat(Usage.text(Main.commandLine()))
                .contains(
                        "usage: zombielab reproduce [-hV] [--show-secrets] [--junit FILE] [--parallel N] [--quiet | --json]",
                        "zombielab validate",
                        "[--reaper ID]",
                        "[--image IMAGE]...",
                        "[--compose FILE]...",
                        "[--fleet-shard K/N]",
                        "zombielab test",
                        "zombielab doctor",
                        "zombielab gc",
                        "zombielab flakes",
                        "zombielab speed",
                        "zombielab [COMMAND] -h | --help | -V | --version",
                        "--shard K/N",
                        "--entrypoint \"CMD ARG...\"",
                        "--junit FILE",
                        "[--reaper ID[,ID...]]...",
                        "exit codes: 0");
    }
}
