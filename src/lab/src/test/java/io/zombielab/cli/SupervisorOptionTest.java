package io.zombielab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** validate --supervisor names the init --entrypoint puts in front: without one it is refused before anything runs. */
@Tag("unit")
@DisplayName("validate --supervisor goes with --entrypoint")
class SupervisorOptionTest {

    private final Console console = new Console();

    @Test
    @DisplayName(
            "--supervisor with an image as it ships, with --init or with --reaper: a usage error naming what it goes with")
    void refusedWithoutAnEntrypoint() {
        assertThat(console.run("validate", "--image", "some/app:1", "--supervisor"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(console.err())
                .contains("--supervisor", "it goes with --entrypoint, not with --init or an image as it ships");
        assertThat(new Console()
                        .run(
                                "validate",
                                "--image",
                                "some/app:1",
                                "--entrypoint",
                                "s6-svscan /s",
                                "--init",
                                "--supervisor"))
                .isEqualTo(ExitCode.USAGE);
        Console reference = new Console();
        assertThat(reference.run("validate", "--reaper", "tini", "--supervisor"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(reference.err()).contains("--supervisor");
    }
}
