package io.zombielab.promise;

import static org.assertj.core.api.Assertions.assertThat;

import io.zombielab.probe.ProbeMode;
import io.zombielab.scenario.Reaper;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Each promise's judgement of what its container showed, without a container: the rules, one by one. */
class PromiseJudgementTest {

    private static final ReaperUnderTest TINI = ReaperUnderTest.reference(Reaper.TINI, "img");

    private static PromiseVerdict.Seen seen(Long exit, String log) {
        return new PromiseVerdict.Seen(Optional.ofNullable(exit), "  PID ... (table)", log, Optional.of(ProbeMode.HOST));
    }

    @Test
    @DisplayName("zombies left after the orphans exited break reaps-orphans, with the table in the explanation")
    void zombiesBreakReaping() {
        PromiseVerdict v = Orphans.judge(Promises.REAPS_ORPHANS, TINI, 3, seen(143L, ""));
        assertThat(v.observed()).isEqualTo(PromiseOutcome.LEFT_ZOMBIES);
        assertThat(v.holds()).isFalse();
        assertThat(v.explain()).contains("tini BREAKS 'reaps-orphans'", "3 zombies", "PID ... (table)");
    }

    @Test
    @DisplayName("exit codes: 7 passes through, 143 for a death by SIGTERM, anything else is lost")
    void exitCodes() {
        assertThat(ExitCodes.judge(Promises.PASSES_EXIT_CODE, TINI, 7, 7, "7", seen(7L, "")).holds()).isTrue();
        assertThat(ExitCodes.judge(Promises.PASSES_EXIT_CODE, TINI, 0, 7, "7", seen(0L, "")).observed())
                .isEqualTo(PromiseOutcome.EXIT_CODE_LOST);
        assertThat(ExitCodes.judge(Promises.PASSES_SIGNAL_DEATH, TINI, 143, 143, "by SIGTERM", seen(143L, "")).holds()).isTrue();
        assertThat(ExitCodes.judge(Promises.PASSES_SIGNAL_DEATH, TINI, 0, 143, "by SIGTERM", seen(0L, "")).holds()).isFalse();
    }

    @Test
    @DisplayName("a child that got SIGTERM but a stop as slow as the engine's kill is not forwarding")
    void slowStopIsNotForwarding() {
        ForwardsSigterm forwards = (ForwardsSigterm) Promises.FORWARDS_SIGTERM;
        assertThat(forwards.judge(TINI, true, Duration.ofMillis(120), seen(143L, "")).observed()).isEqualTo(PromiseOutcome.FORWARDED);
        assertThat(forwards.judge(TINI, false, Duration.ofSeconds(10), seen(137L, "")).observed())
                .isEqualTo(PromiseOutcome.NOT_FORWARDED);
    }

    @Test
    @DisplayName("signal reach: one of three is the child only, three of three the whole group")
    void reach() {
        SignalReach reach = (SignalReach) Promises.SIGNAL_REACH;
        assertThat(reach.judge(TINI, new Groups.Reach(1, Duration.ofMillis(50), ""), seen(143L, "")).observed())
                .isEqualTo(PromiseOutcome.CHILD_ONLY);
        assertThat(reach.judge(TINI, new Groups.Reach(3, Duration.ofMillis(50), ""), seen(143L, "")).observed())
                .isEqualTo(PromiseOutcome.WHOLE_GROUP);
    }

    @Test
    @DisplayName("the init's own warning about PID 1 is part of the sub-reaper evidence")
    void warningIsEvidence() {
        PromiseVerdict v = Orphans.judge(Promises.SUB_REAPER, TINI, 5, seen(143L, "zombielab-event orphans-done count=5\n"
                + "[WARN  tini (7)] Tini is not running as PID 1 and isn't registered as a child subreaper.\n"));
        assertThat(v.holds()).isTrue(); // tini is expected to leave them: it needs -s
        assertThat(v.evidence()).contains("5 zombies", "the init warned: [WARN  tini (7)] Tini is not running as PID 1");
    }

    @Test
    @DisplayName("a promise without expectation is reported, not judged")
    void unjudgedIsReported() {
        ReaperUnderTest user = new ReaperUnderTest("mine", "img", Optional.empty(), false, ReaperUnderTest.universalPromises());
        PromiseVerdict v = ((SignalReach) Promises.SIGNAL_REACH).judge(user, new Groups.Reach(3, Duration.ofMillis(40), ""),
                seen(143L, ""));
        assertThat(v.expected()).isEmpty();
        assertThat(v.holds()).isTrue();
    }

    @Test
    @DisplayName("every promise is listed once by its id; the sub-reaper promise does not apply to an init the engine injects")
    void theList() {
        assertThat(Promises.ALL).extracting(Promise::id).doesNotHaveDuplicates().contains("reaps-orphans", "sub-reaper");
        assertThat(Promises.byId("signal-reach")).isSameAs(Promises.SIGNAL_REACH);
        ReaperUnderTest dockerInit = ReaperUnderTest.reference(Reaper.DOCKER_INIT, "img");
        assertThat(dockerInit.promises()).doesNotContain(Promises.SUB_REAPER).hasSize(Promises.ALL.size() - 1);
    }
}
