package io.zombielab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The usage text exists once: generated from the commands' definitions; the launcher prints docs/usage.txt. */
class UsageTest {

    @Test
    @DisplayName("docs/usage.txt is the usage text the CLI generates (after a change: java -cp ... io.zombielab.cli.Usage docs/usage.txt)")
    void launchersCopyIsCurrent() throws Exception {
        assertThat(Files.readString(Path.of("docs/usage.txt"))).isEqualTo(Usage.text(Main.commandLine()));
    }

    @Test
    @DisplayName("it names every command, each option of each, and the exit codes")
    void namesEverything() {
        assertThat(Usage.text(Main.commandLine())).contains("usage: zombielab reproduce [--junit FILE] [--parallel N] [--quiet | --json]",
                "zombielab validate", "[--reaper ID]", "[--image IMAGE]...", "[--compose FILE]...", "[--fleet-shard K/N]", "zombielab test", "zombielab doctor", "zombielab gc",
                "--shard K/N", "--entrypoint \"CMD ARG...\"", "--junit FILE", "[--reaper ID[,ID...]]...", "exit codes: 0");
    }
}
