package io.zombielab.promise;

import static org.assertj.core.api.Assertions.assertThat;

import io.zombielab.fixture.Event;
import io.zombielab.probe.OrphanReport;
import io.zombielab.probe.ProbeMode;
import io.zombielab.probe.Signal;
import io.zombielab.probe.StopRule;
import io.zombielab.probe.StopSignal;
import io.zombielab.scenario.Reaper;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The judgements of the promises from tini's and dumb-init's suites, and the shared stop rule, without a container. */
@Tag("unit")
class NewPromiseJudgementTest {

    private static final ReaperUnderTest TINI = ReaperUnderTest.reference(Reaper.TINI, "img");
    private static final Grading GRADING = Grading.DEFAULT;

    private static PromiseVerdict.Seen seen(Long exit) {
        return new PromiseVerdict.Seen(Optional.ofNullable(exit), "", "", Optional.of(ProbeMode.HOST));
    }

    private static long micros(Instant at) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, at);
    }

    @Test
    @DisplayName(
            "forwards-signals: a PID 1 that ends on one signal (python3 on SIGINT) loses the rest: BROKEN, naming them")
    void forwardsSignalsPid1EndedEarly() {
        ForwardsSignals forwards = (ForwardsSignals) Promises.FORWARDS_SIGNALS;
        Instant t0 = Instant.parse("2026-12-01T00:00:00Z");
        Map<Signal, Instant> sent = new LinkedHashMap<>();
        sent.put(Signal.INT, t0);
        List<Signal> unsent = ForwardsSignals.SENT.subList(1, ForwardsSignals.SENT.size());

        PromiseVerdict verdict = forwards.judge(
                TINI,
                sent,
                Optional.of(new ForwardsSignals.EndedEarly(Signal.INT, 130, unsent)),
                List.of(),
                GRADING,
                seen(130L));

        assertThat(verdict.grade()).isEqualTo(PromiseGrade.BROKEN);
        assertThat(verdict.evidence())
                .contains("the child got 0 of 7 signals", "PID 1 ended, exit code 130, after INT", "HUP never sent");
    }

    @Test
    @DisplayName("forwards-signals: all seven within the bound kept, one late SLOW, one missing BROKEN with its name")
    void signals() {
        ForwardsSignals forwards = (ForwardsSignals) Promises.FORWARDS_SIGNALS;
        Instant t0 = Instant.parse("2026-12-01T00:00:00Z");
        Map<Signal, Instant> sent = new LinkedHashMap<>();
        ForwardsSignals.SENT.forEach(s -> sent.put(s, t0));
        List<Event.SignalReceived> all = ForwardsSignals.SENT.stream()
                .map(s -> new Event.SignalReceived(s, 7, micros(t0.plusMillis(2))))
                .toList();
        assertThat(forwards.judge(TINI, sent, all, GRADING, seen(null)).grade()).isEqualTo(PromiseGrade.KEPT);
        List<Event.SignalReceived> late = ForwardsSignals.SENT.stream()
                .map(s -> new Event.SignalReceived(s, 7, micros(t0.plusMillis(s == Signal.HUP ? 1500 : 2))))
                .toList();
        assertThat(forwards.judge(TINI, sent, late, GRADING, seen(null)).grade())
                .isEqualTo(PromiseGrade.SLOW);
        PromiseVerdict lost = forwards.judge(
                TINI, sent, all.stream().filter(r -> r.signal() == Signal.TERM).toList(), GRADING, seen(null));
        assertThat(lost.observed()).isEqualTo(PromiseOutcome.SIGNALS_LOST);
        assertThat(lost.evidence())
                .contains("the child got 1 of 7 signals, lost: [INT, HUP, QUIT, USR1, USR2, WINCH]", "TERM 2.0 ms");
    }

    @Test
    @DisplayName(
            "exits-with-child: gone soon after its child kept, still up BROKEN, and what happened to the daemon said")
    void exitsWithChild() {
        ExitsWithChild exits = (ExitsWithChild) Promises.EXITS_WITH_CHILD;
        Instant t0 = Instant.parse("2026-12-01T00:00:00Z");
        Event.DaemonLeft left = new Event.DaemonLeft(6, 12, 0, micros(t0));
        PromiseVerdict kept = exits.judge(
                TINI, left, Optional.of(new PromiseContainer.Ended(0, t0, t0.plusMillis(3))), true, GRADING, seen(0L));
        assertThat(kept.grade()).isEqualTo(PromiseGrade.KEPT);
        assertThat(kept.evidence()).contains("after 3.0 ms", "got SIGTERM from the init");
        PromiseVerdict outlived = exits.judge(TINI, left, Optional.empty(), false, GRADING, seen(null));
        assertThat(outlived.observed()).isEqualTo(PromiseOutcome.OUTLIVED_CHILD);
        assertThat(outlived.grade()).isEqualTo(PromiseGrade.BROKEN);
    }

    @Test
    @DisplayName(
            "clean-signal-mask: nothing blocked kept; catatonit's terminal stops reported, not judged; a blocked SIGTERM BROKEN")
    void signalMask() {
        CleanSignalMask mask = (CleanSignalMask) Promises.CLEAN_SIGNAL_MASK;
        assertThat(mask.judge(TINI, new Event.SignalMask(7, 0, 0, 0, 0), seen(0L))
                        .grade())
                .isEqualTo(PromiseGrade.KEPT);
        PromiseVerdict catatonit = mask.judge(TINI, new Event.SignalMask(7, 0x380000, 0, 0x380000, 0), seen(0L));
        assertThat(catatonit.grade()).isEqualTo(PromiseGrade.KEPT);
        assertThat(catatonit.evidence())
                .contains("SIGTSTP SIGTTIN SIGTTOU: the terminal stop signals, reported, not judged");
        // What a Go child shows under an init that blocks everything: /proc lacks SIGTERM, its own record has it.
        PromiseVerdict blocked =
                mask.judge(TINI, new Event.SignalMask(7, 0xfffffffc3bba3a00L, 0, 0xfffffffffffbfeffL, 0), seen(0L));
        assertThat(blocked.grade()).isEqualTo(PromiseGrade.BROKEN);
        assertThat(blocked.evidence()).contains("SigBlk fffffffffffbfeff", "SIGHUP SIGINT SIGQUIT");
        assertThat(mask.judge(TINI, new Event.SignalMask(7, 0, 0, 0, 1L << 14), seen(0L))
                        .evidence())
                .contains("ignored: SIGTERM");
    }

    @Test
    @DisplayName(
            "lets-child-end: its shutdown done kept; begun but cut short by the namespace BROKEN; never signalled BROKEN")
    void letsChildEnd() {
        LetsChildEnd ends = (LetsChildEnd) Promises.LETS_CHILD_END;
        Event.Shutdown began = new Event.Shutdown(false, 6, 1), done = new Event.Shutdown(true, 6, 2);
        assertThat(ends.judge(TINI, List.of(began, done), Duration.ofMillis(320), seen(0L))
                        .grade())
                .isEqualTo(PromiseGrade.KEPT);
        PromiseVerdict cut = ends.judge(TINI, List.of(began), Duration.ofMillis(40), seen(0L));
        assertThat(cut.observed()).isEqualTo(PromiseOutcome.CHILD_KILLED);
        assertThat(cut.evidence())
                .contains("killed the rest with the namespace", "exit code 0", "looks like a clean stop");
        assertThat(ends.judge(TINI, List.of(), Duration.ofSeconds(5), seen(137L))
                        .observed())
                .isEqualTo(PromiseOutcome.CHILD_NEVER_SIGNALLED);
    }

    @Test
    @DisplayName("exec-failure: non-zero with a reason kept; exit 0, silence or a hang BROKEN")
    void execFailure() {
        ExecFailure exec = (ExecFailure) Promises.EXEC_FAILURE;
        Instant t0 = Instant.parse("2026-12-01T00:00:00Z");
        Optional<PromiseContainer.Ended> e127 = Optional.of(new PromiseContainer.Ended(127, t0, t0.plusMillis(9)));
        assertThat(exec.judge(TINI, e127, "[FATAL tini (7)] exec failed\n", GRADING, seen(127L))
                        .grade())
                .isEqualTo(PromiseGrade.KEPT);
        assertThat(exec.judge(TINI, e127, "", GRADING, seen(127L)).observed())
                .isEqualTo(PromiseOutcome.EXEC_FAILURE_UNEXPLAINED);
        Optional<PromiseContainer.Ended> e0 = Optional.of(new PromiseContainer.Ended(0, t0, t0.plusMillis(9)));
        assertThat(exec.judge(TINI, e0, "", GRADING, seen(0L)).observed())
                .isEqualTo(PromiseOutcome.EXEC_FAILURE_HIDDEN);
        assertThat(exec.judge(TINI, Optional.empty(), "", GRADING, seen(null)).observed())
                .isEqualTo(PromiseOutcome.HUNG);
    }

    @Test
    @DisplayName("exec-failure: an exit the engine stamped before its own start took no time, never a negative latency")
    void execFailureBeforeItsStamp() {
        ExecFailure exec = (ExecFailure) Promises.EXEC_FAILURE;
        Instant t0 = Instant.parse("2026-12-01T00:00:00Z");
        Optional<PromiseContainer.Ended> early = Optional.of(new PromiseContainer.Ended(127, t0, t0.minusMillis(1)));

        PromiseVerdict verdict = exec.judge(TINI, early, "[FATAL tini (6)] exec failed\n", GRADING, seen(127L));

        assertThat(verdict.grade()).isEqualTo(PromiseGrade.KEPT);
        assertThat(verdict.evidence()).contains("exited 127 after 0.0 ms").doesNotContain("-1.0 ms");
    }

    @Test
    @DisplayName(
            "orphan-storm: every one reaped, p99 in the bound kept; p99 over it SLOW; any left, or the PIDs run out, BROKEN")
    void storm() {
        OrphanStorm storm = (OrphanStorm) Promises.ORPHAN_STORM;
        assertThat(storm.judge(
                                TINI,
                                new Event.StormDone(500, 500, 500, 0, 0, 500, 40_000, 90_000, 100, 1900, 0, false, ""),
                                GRADING,
                                seen(null))
                        .grade())
                .isEqualTo(PromiseGrade.KEPT);
        assertThat(storm.judge(
                                TINI,
                                new Event.StormDone(
                                        500, 500, 500, 0, 0, 500, 1_400_000, 2_000_000, 100, 1900, 40, false, ""),
                                GRADING,
                                seen(null))
                        .grade())
                .isEqualTo(PromiseGrade.SLOW);
        PromiseVerdict left = storm.judge(
                TINI,
                new Event.StormDone(500, 500, 400, 100, 100, 500, 9000, 9000, 100, 6500, 0, false, ""),
                GRADING,
                seen(null));
        assertThat(left.grade()).isEqualTo(PromiseGrade.BROKEN);
        assertThat(left.evidence()).contains("100 not reaped within 5000 ms", "100 left as zombies");
        assertThat(storm.judge(
                                TINI,
                                new Event.StormDone(
                                        500, 300, 300, 0, 0, 500, 900, 900, 100, 6500, 0, false, "fork: EAGAIN"),
                                GRADING,
                                seen(null))
                        .observed())
                .isEqualTo(PromiseOutcome.LEFT_ZOMBIES);
    }

    @Test
    @DisplayName(
            "orphan-storm settled early (enough slow reaps that the p99 of 500 is over the bound): SLOW if every orphan made was reaped, BROKEN if one was not")
    void settledStorm() {
        OrphanStorm storm = (OrphanStorm) Promises.ORPHAN_STORM;
        PromiseVerdict slow = storm.judge(
                TINI,
                new Event.StormDone(500, 172, 172, 0, 0, 2_100_000, 2_900_000, 2_950_000, 100, 3100, 6, true, ""),
                GRADING,
                seen(null));
        assertThat(slow.grade()).isEqualTo(PromiseGrade.SLOW);
        assertThat(slow.evidence())
                .contains(
                        "172 of 500 made",
                        "then no more: enough reaps took over 1.00 s that the p99 of 500 could not be within it (6 over it in the end)");
        PromiseVerdict left = storm.judge(
                TINI,
                new Event.StormDone(500, 172, 171, 1, 1, 2_100_000, 2_900_000, 2_950_000, 100, 8100, 6, true, ""),
                GRADING,
                seen(null));
        assertThat(left.grade()).isEqualTo(PromiseGrade.BROKEN);
        assertThat(left.evidence()).contains("1 not reaped within 5000 ms");
    }

    @Test
    @DisplayName("not-pid1-warning reads tini's warning, and only an init's own lines")
    void warning() {
        assertThat(
                        NotPid1Warning.in(
                                "zombielab-event exiting code=0\n[WARN  tini (8)] Tini is not running as PID 1 and isn't registered"))
                .contains("[WARN  tini (8)] Tini is not running as PID 1 and isn't registered");
        assertThat(NotPid1Warning.in("zombielab-event inert-init-started pid=1 child=7\n"))
                .isEmpty();
    }

    @Test
    @DisplayName(
            "the stop rule: 0 and 143 stopped, 1 'stopped, but reported failure' unless accepted, 137 at the timeout killed")
    void stopRule() {
        Duration timeout = Duration.ofSeconds(5);
        StopRule rule = StopRule.DEFAULT;
        assertThat(rule.ending(new StopRule.Stop(Optional.of(143L), Duration.ofMillis(90), timeout)))
                .isEqualTo(StopRule.Ending.STOPPED);
        StopRule.Stop npm = new StopRule.Stop(Optional.of(1L), Duration.ofMillis(600), timeout);
        assertThat(rule.ending(npm)).isEqualTo(StopRule.Ending.REPORTED_FAILURE);
        assertThat(rule.words(npm)).isEqualTo("stopped, but reported failure (exit 1; accepted: [0, 143])");
        assertThat(rule.accepting(Set.of(1)).ending(npm)).isEqualTo(StopRule.Ending.STOPPED);
        StopRule.Stop killed = new StopRule.Stop(Optional.of(137L), Duration.ofMillis(5020), timeout);
        assertThat(rule.words(killed))
                .isEqualTo("did not stop on its stop signal: the engine killed it after the 5 s timeout");
        // A 137 before the timeout is the container's own death by SIGKILL, not the engine's: reported failure.
        assertThat(rule.ending(new StopRule.Stop(Optional.of(137L), Duration.ofMillis(30), timeout)))
                .isEqualTo(StopRule.Ending.REPORTED_FAILURE);

        StopsGracefully stops = (StopsGracefully) Promises.STOPS_GRACEFULLY;
        ReaperUnderTest app = ReaperUnderTest.asShipped("app", "img", false);
        PromiseVerdict v = stops.judge(app, Duration.ofMillis(600), StopSignal.DEFAULT, GRADING, seen(1L));
        assertThat(v.observed()).isEqualTo(PromiseOutcome.STOPPED_REPORTING_FAILURE);
        assertThat(v.grade()).isEqualTo(PromiseGrade.BROKEN);
        Grading accepting =
                new Grading(GRADING.promptWithin(), GRADING.stopTimeout(), StopRule.DEFAULT.accepting(Set.of(1)));
        assertThat(stops.judge(app, Duration.ofMillis(600), StopSignal.DEFAULT, accepting, seen(1L))
                        .grade())
                .isEqualTo(PromiseGrade.KEPT);
    }

    @Test
    @DisplayName(
            "the stop rule follows the stop signal: with STOPSIGNAL SIGQUIT (nginx's), 131 is a clean stop and 143 is not")
    void stopRuleFollowsTheStopSignal() {
        Duration timeout = Duration.ofSeconds(5);
        StopSignal quit = StopSignal.parse("SIGQUIT").orElseThrow();
        StopRule.Stop diedOfQuit = new StopRule.Stop(Optional.of(131L), Duration.ofMillis(90), timeout, quit);
        assertThat(StopRule.DEFAULT.ending(diedOfQuit)).isEqualTo(StopRule.Ending.STOPPED);
        // The same exit under docker stop's default SIGTERM is a death by another signal: the control.
        assertThat(StopRule.DEFAULT.ending(new StopRule.Stop(Optional.of(131L), Duration.ofMillis(90), timeout)))
                .isEqualTo(StopRule.Ending.REPORTED_FAILURE);
        StopRule.Stop diedOfTerm = new StopRule.Stop(Optional.of(143L), Duration.ofMillis(90), timeout, quit);
        assertThat(StopRule.DEFAULT.words(diedOfTerm))
                .isEqualTo(
                        "stopped, but reported failure (exit 143; accepted: [0, 131], the stop signal being SIGQUIT)");
        // stoppedGracefullyWith(codes) means exactly those codes, whatever the signal.
        assertThat(new StopRule(Set.of(0)).ending(diedOfQuit)).isEqualTo(StopRule.Ending.REPORTED_FAILURE);

        StopsGracefully stops = (StopsGracefully) Promises.STOPS_GRACEFULLY;
        ReaperUnderTest app = ReaperUnderTest.asShipped("nginx-like", "img", false);
        assertThat(stops.judge(app, Duration.ofMillis(90), quit, GRADING, seen(131L))
                        .grade())
                .isEqualTo(PromiseGrade.KEPT);
        assertThat(stops.judge(app, Duration.ofMillis(90), StopSignal.DEFAULT, GRADING, seen(131L))
                        .grade())
                .isEqualTo(PromiseGrade.BROKEN);
    }

    @Test
    @DisplayName("a stop signal is read as the engine takes it: names with or without SIG, numbers, SIGRTMIN+n")
    void stopSignalNames() {
        assertThat(StopSignal.parse("quit")).contains(new StopSignal(3));
        assertThat(StopSignal.parse("SIGTERM")).contains(StopSignal.DEFAULT);
        assertThat(StopSignal.parse("9").map(StopSignal::exitCode)).contains(137);
        assertThat(StopSignal.parse("SIGRTMIN+3").map(StopSignal::signalName)).contains("SIGRTMIN+3");
        assertThat(StopSignal.parse("RTMAX-1")).contains(new StopSignal(63));
        assertThat(StopSignal.parse("SIGFOO")).isEmpty();
        assertThat(StopSignal.parse("65")).isEmpty();
        assertThat(StopSignal.parse("SIGRTMIN+31")).isEmpty();
    }

    @Test
    @DisplayName("the reap rule: the library's reapedWithin and validate's reaps-orphans end the same way")
    void reapRule() {
        OrphanReport slow = new OrphanReport(
                List.of(new OrphanReport.Orphan(9, 1, Optional.of(Duration.ofMillis(1500)), Optional.empty())),
                Duration.ofSeconds(5));
        assertThat(slow.ending(GRADING.promptWithin())).isEqualTo(OrphanReport.Ending.REAPED_SLOWLY);
        assertThat(Orphans.judge(
                                Promises.REAPS_ORPHANS,
                                TINI,
                                new OrphanReport(
                                        List.of(
                                                new OrphanReport.Orphan(
                                                        9, 1, Optional.of(Duration.ofMillis(1500)), Optional.empty()),
                                                new OrphanReport.Orphan(
                                                        10, 1, Optional.of(Duration.ZERO), Optional.empty()),
                                                new OrphanReport.Orphan(
                                                        11, 1, Optional.of(Duration.ZERO), Optional.empty()),
                                                new OrphanReport.Orphan(
                                                        12, 1, Optional.of(Duration.ZERO), Optional.empty()),
                                                new OrphanReport.Orphan(
                                                        13, 1, Optional.of(Duration.ZERO), Optional.empty())),
                                        Duration.ofSeconds(5)),
                                GRADING,
                                seen(0L))
                        .grade())
                .isEqualTo(PromiseGrade.SLOW);
    }
}
