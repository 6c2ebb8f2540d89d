package io.zombielab.promise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zombielab.probe.OrphanReport;
import io.zombielab.probe.ProbeMode;
import io.zombielab.probe.ProcessState;
import io.zombielab.probe.StopSignal;
import io.zombielab.scenario.Reaper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Each promise's judgement of what its container showed, without a container: the rules, one by one. */
@Tag("unit")
class PromiseJudgementTest {

    private static final ReaperUnderTest TINI = ReaperUnderTest.reference(Reaper.TINI, "img");
    private static final Grading GRADING = Grading.DEFAULT;

    private static PromiseVerdict.Seen seen(Long exit, String log) {
        return new PromiseVerdict.Seen(
                Optional.ofNullable(exit), "  PID ... (table)", log, Optional.of(ProbeMode.HOST));
    }

    /** Five orphans, {@code zombies} of them never reaped, the others reaped after {@code reap}. */
    private static OrphanReport orphans(int zombies, Duration reap) {
        List<OrphanReport.Orphan> list = new ArrayList<>();
        for (int i = 0; i < Orphans.COUNT; i++) {
            list.add(
                    i < zombies
                            ? new OrphanReport.Orphan(10 + i, 1, Optional.empty(), Optional.of(ProcessState.ZOMBIE))
                            : new OrphanReport.Orphan(10 + i, 1, Optional.of(reap), Optional.empty()));
        }
        return new OrphanReport(list, GRADING.reapWindow());
    }

    @Test
    @DisplayName("zombies left at the end of the watch break reaps-orphans, with the table in the explanation")
    void zombiesBreakReaping() {
        PromiseVerdict v =
                Orphans.judge(Promises.REAPS_ORPHANS, TINI, orphans(3, Duration.ofMillis(1)), GRADING, seen(143L, ""));
        assertThat(v.observed()).isEqualTo(PromiseOutcome.LEFT_ZOMBIES);
        assertThat(v.grade()).isEqualTo(PromiseGrade.BROKEN);
        assertThat(v.explain()).contains("tini BREAKS 'reaps-orphans'", "3 left as zombies", "PID ... (table)");
    }

    @Test
    @DisplayName("every orphan reaped within the bound keeps reaps-orphans, its slowest reap the latency")
    void promptReapsKeep() {
        PromiseVerdict v =
                Orphans.judge(Promises.REAPS_ORPHANS, TINI, orphans(0, Duration.ofMillis(2)), GRADING, seen(143L, ""));
        assertThat(v.grade()).as(v::explain).isEqualTo(PromiseGrade.KEPT);
        assertThat(v.latency()).contains(Duration.ofMillis(2));
    }

    @Test
    @DisplayName("every orphan reaped, but later than the bound: SLOW, neither kept nor broken")
    void lateReapsAreSlow() {
        PromiseVerdict v = Orphans.judge(
                Promises.REAPS_ORPHANS, TINI, orphans(0, Duration.ofMillis(2100)), GRADING, seen(143L, ""));
        assertThat(v.observed()).isEqualTo(PromiseOutcome.REAPED_SLOWLY);
        assertThat(v.grade()).isEqualTo(PromiseGrade.SLOW);
        assertThat(v.holds()).isFalse();
        assertThat(v.explain())
                .contains("is SLOW to keep 'reaps-orphans'", "the slowest after 2100.0 ms", "the bound: 1.00 s");
    }

    @Test
    @DisplayName("exit codes: 7 passes through, 143 for a death by SIGTERM, anything else is lost")
    void exitCodes() {
        assertThat(ExitCodes.judge(Promises.PASSES_EXIT_CODE, TINI, 7, 7, "7", seen(7L, ""))
                        .holds())
                .isTrue();
        assertThat(ExitCodes.judge(Promises.PASSES_EXIT_CODE, TINI, 0, 7, "7", seen(0L, ""))
                        .observed())
                .isEqualTo(PromiseOutcome.EXIT_CODE_LOST);
        assertThat(ExitCodes.judge(Promises.PASSES_SIGNAL_DEATH, TINI, 143, 143, "by SIGTERM", seen(143L, ""))
                        .holds())
                .isTrue();
        assertThat(ExitCodes.judge(Promises.PASSES_SIGNAL_DEATH, TINI, 0, 143, "by SIGTERM", seen(0L, ""))
                        .holds())
                .isFalse();
    }

    @Test
    @DisplayName("forwarding: within the bound kept, later SLOW, no SIGTERM at all broken")
    void forwarding() {
        ForwardsSigterm forwards = (ForwardsSigterm) Promises.FORWARDS_SIGTERM;
        assertThat(forwards.judge(TINI, true, Duration.ofMillis(82), GRADING, seen(143L, ""))
                        .grade())
                .isEqualTo(PromiseGrade.KEPT);
        PromiseVerdict late = forwards.judge(TINI, true, Duration.ofMillis(3100), GRADING, seen(143L, ""));
        assertThat(late.observed()).isEqualTo(PromiseOutcome.FORWARDED_SLOWLY);
        assertThat(late.grade()).isEqualTo(PromiseGrade.SLOW);
        PromiseVerdict never = forwards.judge(TINI, false, Duration.ofSeconds(5), GRADING, seen(137L, ""));
        assertThat(never.observed()).isEqualTo(PromiseOutcome.NOT_FORWARDED);
        assertThat(never.grade()).isEqualTo(PromiseGrade.BROKEN);
        assertThat(never.latency()).isEmpty();
    }

    @Test
    @DisplayName("an image as shipped: killed at the timeout is broken, a slow stop SLOW, a prompt one kept")
    void stopsGracefully() {
        StopsGracefully stops = (StopsGracefully) Promises.STOPS_GRACEFULLY;
        ReaperUnderTest app = ReaperUnderTest.asShipped("app", "img", false);
        assertThat(stops.judge(app, Duration.ofMillis(5020), StopSignal.DEFAULT, GRADING, seen(137L, ""))
                        .observed())
                .isEqualTo(PromiseOutcome.KILLED);
        assertThat(stops.judge(app, Duration.ofMillis(2500), StopSignal.DEFAULT, GRADING, seen(0L, ""))
                        .grade())
                .isEqualTo(PromiseGrade.SLOW);
        assertThat(stops.judge(app, Duration.ofMillis(90), StopSignal.DEFAULT, GRADING, seen(143L, ""))
                        .grade())
                .isEqualTo(PromiseGrade.KEPT);
    }

    @Test
    @DisplayName("signal reach: one of three is the child only, three of three the whole group")
    void reach() {
        SignalReach reach = (SignalReach) Promises.SIGNAL_REACH;
        assertThat(reach.judge(TINI, new Groups.Reach(1, Duration.ofMillis(50), ""), seen(143L, ""))
                        .observed())
                .isEqualTo(PromiseOutcome.CHILD_ONLY);
        assertThat(reach.judge(TINI, new Groups.Reach(3, Duration.ofMillis(50), ""), seen(143L, ""))
                        .observed())
                .isEqualTo(PromiseOutcome.WHOLE_GROUP);
    }

    @Test
    @DisplayName("the init's own warning about PID 1 is part of the sub-reaper evidence")
    void warningIsEvidence() {
        PromiseVerdict v = Orphans.judge(
                Promises.SUB_REAPER,
                TINI,
                orphans(5, Duration.ZERO),
                GRADING,
                seen(
                        143L,
                        "zombielab-event orphans-done count=5\n"
                                + "[WARN  tini (7)] Tini is not running as PID 1 and isn't registered as a child subreaper.\n"));
        assertThat(v.holds()).isTrue(); // tini is expected to leave them: it needs -s
        assertThat(v.evidence())
                .contains("5 left as zombies", "the init warned: [WARN  tini (7)] Tini is not running as PID 1");
    }

    @Test
    @DisplayName("a promise without expectation is reported, not judged")
    void unjudgedIsReported() {
        ReaperUnderTest user = ReaperUnderTest.init("mine", "img", Optional.empty(), false);
        PromiseVerdict v = ((SignalReach) Promises.SIGNAL_REACH)
                .judge(user, new Groups.Reach(3, Duration.ofMillis(40), ""), seen(143L, ""));
        assertThat(v.expected()).isEmpty();
        assertThat(v.grade()).isEqualTo(PromiseGrade.REPORTED);
    }

    @Test
    @DisplayName(
            "every promise is listed once by its id; the sub-reaper promise does not apply to an init the engine injects")
    void theList() {
        assertThat(Promises.ALL)
                .extracting(Promise::id)
                .doesNotHaveDuplicates()
                .contains("reaps-orphans", "sub-reaper");
        assertThat(Promises.byId("signal-reach")).isSameAs(Promises.SIGNAL_REACH);
        ReaperUnderTest dockerInit = ReaperUnderTest.reference(Reaper.DOCKER_INIT, "img");
        assertThat(dockerInit.promises())
                .doesNotContain(Promises.SUB_REAPER, Promises.NOT_PID1_WARNING)
                .hasSize(Promises.ALL.size() - 2);
        assertThat(ReaperUnderTest.asShipped("app", "img", true).promises())
                .containsExactlyElementsOf(Promises.AS_SHIPPED);
    }

    @Test
    @DisplayName("every promise has its place in the start order, once: a new one is placed by how long it takes")
    void theStartOrder() {
        assertThat(Promises.LONGEST_FIRST).containsExactlyInAnyOrderElementsOf(Promises.ALL);
        assertThat(Promises.ALL.stream().sorted(Promises.START_FIRST).toList())
                .startsWith(Promises.SUB_REAPER)
                .endsWith(Promises.EXEC_FAILURE);
    }

    @Test
    @DisplayName("a grading whose stop timeout is not above its bound is refused: slow and never would be one")
    void gradingNeedsRoom() {
        assertThatThrownBy(() -> new Grading(Duration.ofSeconds(2), Duration.ofSeconds(2)))
                .hasMessageContaining("the stop timeout must be whole seconds above the latency bound (2000 ms)");
        assertThat(new Grading(Duration.ofMillis(500), Duration.ofSeconds(5)).reapWindow())
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(new Grading(Duration.ofSeconds(2), Duration.ofSeconds(10)).reapWindow())
                .isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    @DisplayName(
            "the orphans exit over one and a half bounds, so a timer slower than the bound cannot hide in its phase")
    void orphansAreSpread() {
        assertThat(Grading.DEFAULT.orphanSpread()).isEqualTo(Duration.ofMillis(1500));
        assertThat(Grading.DEFAULT.orphanWatch()).isEqualTo(Duration.ofMillis(6500));
        assertThat(new Grading(Duration.ofSeconds(2), Duration.ofSeconds(10)).orphanSpread())
                .isEqualTo(Duration.ofSeconds(3));
    }
}
