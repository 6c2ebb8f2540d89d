package io.zombielab.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import io.zombielab.observe.PromiseObservation;
import io.zombielab.scenario.Promise;
import io.zombielab.scenario.PromiseOutcome;
import io.zombielab.scenario.Reaper;
import io.zombielab.scenario.ReaperUnderTest;
import io.zombielab.probe.ProbeMode;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PromiseJudgeTest {

    private static final ReaperUnderTest TINI = ReaperUnderTest.reference(Reaper.TINI, "img");

    private static PromiseObservation seen(Promise promise, Long exit, Duration stop, int zombies, int signalled, int group) {
        return new PromiseObservation(TINI, promise, Optional.ofNullable(exit), Optional.ofNullable(stop), zombies,
                signalled, group, "  PID ... (table)", "", Optional.of(ProbeMode.HOST));
    }

    @Test
    @DisplayName("zombies left after the orphans exited break reaps-orphans, with the table in the explanation")
    void zombiesBreakReaping() {
        PromiseVerdict v = PromiseJudge.judge(seen(Promise.REAPS_ORPHANS, 143L, null, 3, 0, 0));
        assertThat(v.observed()).isEqualTo(PromiseOutcome.LEFT_ZOMBIES);
        assertThat(v.holds()).isFalse();
        assertThat(v.explain()).contains("tini BREAKS 'reaps-orphans'", "3 zombies", "PID ... (table)");
    }

    @Test
    @DisplayName("exit codes: 7 passes through, 143 for a death by SIGTERM, anything else is lost")
    void exitCodes() {
        assertThat(PromiseJudge.judge(seen(Promise.PASSES_EXIT_CODE, 7L, null, 0, 0, 0)).holds()).isTrue();
        assertThat(PromiseJudge.judge(seen(Promise.PASSES_EXIT_CODE, 0L, null, 0, 0, 0)).observed())
                .isEqualTo(PromiseOutcome.EXIT_CODE_LOST);
        assertThat(PromiseJudge.judge(seen(Promise.PASSES_SIGNAL_DEATH, 143L, null, 0, 0, 0)).holds()).isTrue();
        assertThat(PromiseJudge.judge(seen(Promise.PASSES_SIGNAL_DEATH, 0L, null, 0, 0, 0)).holds()).isFalse();
    }

    @Test
    @DisplayName("a child that got SIGTERM but a stop as slow as the engine's kill is not forwarding")
    void slowStopIsNotForwarding() {
        assertThat(PromiseJudge.judge(seen(Promise.FORWARDS_SIGTERM, 143L, Duration.ofMillis(120), 0, 1, 1)).observed())
                .isEqualTo(PromiseOutcome.FORWARDED);
        assertThat(PromiseJudge.judge(seen(Promise.FORWARDS_SIGTERM, 137L, Duration.ofSeconds(10), 0, 0, 1)).observed())
                .isEqualTo(PromiseOutcome.NOT_FORWARDED);
    }

    @Test
    @DisplayName("signal reach: one of three is the child only, three of three the whole group")
    void reach() {
        assertThat(PromiseJudge.judge(seen(Promise.SIGNAL_REACH, 143L, Duration.ofMillis(50), 0, 1, 3)).observed())
                .isEqualTo(PromiseOutcome.CHILD_ONLY);
        assertThat(PromiseJudge.judge(seen(Promise.SIGNAL_REACH, 143L, Duration.ofMillis(50), 0, 3, 3)).observed())
                .isEqualTo(PromiseOutcome.WHOLE_GROUP);
    }

    @Test
    @DisplayName("the init's own warning about PID 1 is part of the sub-reaper evidence")
    void warningIsEvidence() {
        PromiseVerdict v = PromiseJudge.judge(new PromiseObservation(TINI, Promise.SUB_REAPER, Optional.of(143L),
                Optional.empty(), 5, 0, 0, "", "zombielab-event orphans-done count=5\n[WARN  tini (7)] Tini is not running as PID 1 "
                + "and isn't registered as a child subreaper.\n", Optional.of(ProbeMode.HOST)));
        assertThat(v.holds()).isTrue(); // tini is expected to leave them: it needs -s
        assertThat(v.evidence()).contains("5 zombies", "the init warned: [WARN  tini (7)] Tini is not running as PID 1");
    }

    @Test
    @DisplayName("a promise without expectation is reported, not judged")
    void unjudgedIsReported() {
        ReaperUnderTest user = new ReaperUnderTest("mine", "img", Optional.empty(), false, ReaperUnderTest.universalPromises());
        PromiseVerdict v = PromiseJudge.judge(new PromiseObservation(user, Promise.SIGNAL_REACH, Optional.of(143L),
                Optional.of(Duration.ofMillis(40)), 0, 3, 3, "", "", Optional.of(ProbeMode.HOST)));
        assertThat(v.expected()).isEmpty();
        assertThat(v.holds()).isTrue();
    }
}
