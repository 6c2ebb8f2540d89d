package io.zombielab;

import static org.assertj.core.api.Assertions.assertThat;

import io.zombielab.promise.Promise;
import io.zombielab.promise.PromiseKit;
import io.zombielab.promise.PromiseOutcome;
import io.zombielab.promise.PromiseVerdict;
import io.zombielab.promise.Promises;
import io.zombielab.promise.ReaperUnderTest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * validate must catch an init that reaps only its own child: zl-helper's inert init (it waits for its own
 * child only and never reaps the orphans PID 1 adopts, like a Go service at PID 1), put in front by
 * {@code --entrypoint} as a user's own init would be. It forwards signals and passes exit codes, so exactly
 * one promise must break: reaps-orphans.
 */
@DisplayName("A broken reaper (reaps only its own child)")
@Tag("container")
class BrokenReaperTest {

    private static Lab lab;
    private static ReaperUnderTest broken;

    @BeforeAll
    static void buildTheBrokenReaper() {
        lab = Lab.open(Settings.fromEnvironment(), line -> System.out.println("[zombielab] " + line));
        broken = ReaperUnderTest.init(
                "broken-reaper",
                Settings.fromEnvironment().run().requireBaseImage(),
                Optional.of(List.of(PromiseKit.IN_CONTAINER, "inert-init", "--")),
                false);
    }

    @Test
    @DisplayName(
            "breaks reaps-orphans: the orphans it adopts stay zombies, and validate says so with the process table")
    void breaksTheReapingPromise() {
        PromiseVerdict verdict = lab.check(broken, Promises.REAPS_ORPHANS);

        assertThat(verdict.holds()).as(verdict::explain).isFalse();
        assertThat(verdict.observed()).isEqualTo(PromiseOutcome.LEFT_ZOMBIES);
        assertThat(verdict.evidence())
                .startsWith("0 of 5 reaped within 5000 ms")
                .contains("5 left as zombies");
        assertThat(verdict.explain())
                .contains("broken-reaper BREAKS 'reaps-orphans'", "5 left as zombies", "<defunct>");
    }

    @Test
    @DisplayName("keeps the promises it does implement: exit codes pass through, SIGTERM is forwarded")
    void keepsTheOthers() {
        for (Promise promise :
                new Promise[] {Promises.PASSES_EXIT_CODE, Promises.PASSES_SIGNAL_DEATH, Promises.FORWARDS_SIGTERM}) {
            PromiseVerdict verdict = lab.check(broken, promise);
            assertThat(verdict.holds()).as(verdict::explain).isTrue();
        }
    }
}
