package io.zombielab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zombielab.Settings;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The whole init's grade, as CI reads it: the summary line and the exit code, for a slow, a deaf and a good init. */
@DisplayName("validate's summary: GOOD, SLOW or BROKEN")
@Tag("container")
class ValidateSummaryTest {

    private final Console console = new Console();

    private int validate(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "validate";
        System.arraycopy(args, 0, all, 1, args.length);
        all[all.length - 1] = "--quiet";
        return console.run(all);
    }

    private String out() {
        return console.out();
    }

    @Test
    @DisplayName("an init that reaps on a timer, so reaps and forwards late, is SLOW, exit 1: neither good nor broken")
    void slow() {
        assertThat(validate(
                        "--image",
                        Settings.fromEnvironment().run().requireBaseImage(),
                        "--name",
                        "timer",
                        "--entrypoint",
                        "/zombielab/zl-helper timer-init --every 3s --"))
                .as(out())
                .isEqualTo(ExitCode.FAILED);
        assertThat(out())
                .startsWith("SLOW: 8 of 12 judged promises kept, 4 slow (bound 1000 ms)")
                .doesNotContain("broken");
    }

    @Test
    @DisplayName("a reference init is GOOD, exit 0 (the control)")
    void good() {
        assertThat(validate("--reaper", "catatonit")).as(out()).isEqualTo(ExitCode.OK);
        assertThat(out()).startsWith("GOOD: 15 of 15 judged promises kept");
    }
}
