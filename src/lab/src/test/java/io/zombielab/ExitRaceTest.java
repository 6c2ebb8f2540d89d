package io.zombielab;

import static org.assertj.core.api.Assertions.assertThat;

import io.qameta.allure.Allure;
import io.zombielab.promise.PromiseGrade;
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
 * The negative control of exit-code-in-race: zl-helper's racy init, go-reaper's pattern (a goroutine in wait4(-1)
 * racing exec.Cmd.Wait for its child; exits 0 when the status was taken), put in front by --entrypoint as a
 * user's own init would be. The race is tried 50 times in the promise's one container, so the verdict is the
 * same every run; the reference inits keep the promise (ReferenceInitsTest checks each on it).
 */
@Tag("container")
@DisplayName("validate catches an init that loses its child's exit status to its own reaper")
class ExitRaceTest {

    private static Lab lab;
    private static ReaperUnderTest racy;

    @BeforeAll
    static void inits() {
        lab = Lab.open(Settings.fromEnvironment(), line -> System.out.println("[zombielab] " + line));
        racy = ReaperUnderTest.init(
                "racy-init (go-reaper's pattern)",
                Settings.fromEnvironment().run().requireBaseImage(),
                Optional.of(List.of(PromiseKit.IN_CONTAINER, "racy-init", "--")),
                false);
    }

    private static PromiseVerdict attached(PromiseVerdict verdict) {
        Allure.addAttachment("evidence", "text/plain", verdict.explain());
        Allure.addAttachment("container log", "text/plain", verdict.seen().containerLog());
        return verdict;
    }

    @Test
    @DisplayName(
            "go-reaper's pattern is BROKEN at exit-code-in-race (lost k of 50 trials), while it reaps orphans and forwards SIGTERM")
    void racyReaperLosesTheExitCode() {
        PromiseVerdict race = attached(lab.check(racy, Promises.EXIT_CODE_IN_RACE));
        PromiseVerdict reaps = attached(lab.check(racy, Promises.REAPS_ORPHANS));
        PromiseVerdict forwards = attached(lab.check(racy, Promises.FORWARDS_SIGTERM));

        assertThat(race.observed()).as(race::explain).isEqualTo(PromiseOutcome.EXIT_CODE_LOST);
        assertThat(race.grade()).isEqualTo(PromiseGrade.BROKEN);
        assertThat(race.evidence())
                .as(race::explain)
                .containsPattern(
                        "^lost [1-9]\\d* of 50 trials \\(first, trial \\d+: the child exited \\d+, the init 0\\)");
        assertThat(reaps.grade()).as(reaps::explain).isEqualTo(PromiseGrade.KEPT);
        assertThat(forwards.grade()).as(forwards::explain).isEqualTo(PromiseGrade.KEPT);
    }
}
