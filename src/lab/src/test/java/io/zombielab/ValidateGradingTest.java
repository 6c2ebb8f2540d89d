package io.zombielab;

import static org.assertj.core.api.Assertions.assertThat;

import io.qameta.allure.Allure;
import io.zombielab.probe.StopRule;
import io.zombielab.promise.Deployment;
import io.zombielab.promise.Grading;
import io.zombielab.promise.PromiseGrade;
import io.zombielab.promise.PromiseKit;
import io.zombielab.promise.PromiseOutcome;
import io.zombielab.promise.PromiseVerdict;
import io.zombielab.promise.Promises;
import io.zombielab.promise.ReaperUnderTest;
import io.zombielab.scenario.Reaper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * validate grades latency: an init that reaps or forwards late is SLOW (kept, too late: a failure of its own),
 * distinct from one that never does (BROKEN) and from tini (kept). The late and the deaf init are zl-helper's
 * test inits, put in front by --entrypoint as a user's own init would be: timer-init reaps on a timer instead
 * of on SIGCHLD (every 3 s here, and every 200 ms as the control: the period alone decides), deaf-init reaps at
 * once but forwards no signal.
 */
@DisplayName("validate grades how fast an init keeps its promises")
@Tag("container")
class ValidateGradingTest {

    private static Lab lab;
    private static ReaperUnderTest tini;
    private static ReaperUnderTest timer;
    private static ReaperUnderTest fastTimer;
    private static ReaperUnderTest deaf;

    @BeforeAll
    static void inits() {
        lab = Lab.open(Settings.fromEnvironment(), line -> System.out.println("[zombielab] " + line));
        tini = lab.referenceInit(Reaper.TINI);
        String base = Settings.fromEnvironment().run().requireBaseImage();
        timer = timerInit(base, "3s");
        fastTimer = timerInit(base, "200ms");
        deaf = ReaperUnderTest.init(
                "deaf-init", base, Optional.of(List.of(PromiseKit.IN_CONTAINER, "deaf-init", "--")), false);
    }

    private static ReaperUnderTest timerInit(String base, String every) {
        return ReaperUnderTest.init(
                "timer-init every " + every,
                base,
                Optional.of(List.of(PromiseKit.IN_CONTAINER, "timer-init", "--every", every, "--")),
                false);
    }

    private static PromiseVerdict attached(PromiseVerdict verdict) {
        Allure.addAttachment("evidence", "text/plain", verdict.explain());
        Allure.addAttachment("container log", "text/plain", verdict.seen().containerLog());
        return verdict;
    }

    @Test
    @DisplayName(
            "a reaper on a 3 s timer is SLOW at reaps-orphans, whatever the timer's phase; on a 200 ms timer, the control, it keeps it")
    void timerReaperIsSlow() {
        PromiseVerdict slow = attached(lab.check(timer, Promises.REAPS_ORPHANS));
        PromiseVerdict control = attached(lab.check(fastTimer, Promises.REAPS_ORPHANS));

        assertThat(slow.observed()).as(slow::explain).isEqualTo(PromiseOutcome.REAPED_SLOWLY);
        assertThat(slow.grade()).isEqualTo(PromiseGrade.SLOW);
        assertThat(slow.explain())
                .contains("timer-init every 3s is SLOW to keep 'reaps-orphans'", "5 of 5 reaped, the slowest after");
        assertThat(control.grade()).as(control::explain).isEqualTo(PromiseGrade.KEPT);
    }

    @Test
    @DisplayName(
            "an init that forwards SIGTERM but notices its child's exit only on its timer is SLOW at forwards-sigterm; tini, the control, is not")
    void lateForwardIsSlow() {
        PromiseVerdict late = attached(lab.check(timer, Promises.FORWARDS_SIGTERM));
        PromiseVerdict control = attached(lab.check(tini, Promises.FORWARDS_SIGTERM));

        assertThat(late.observed()).as(late::explain).isEqualTo(PromiseOutcome.FORWARDED_SLOWLY);
        assertThat(late.latency()).isPresent();
        assertThat(control.grade()).as(control::explain).isEqualTo(PromiseGrade.KEPT);
    }

    @Test
    @DisplayName(
            "a 3 s timer's orphan storm ends once its slow reaps decide the p99, every orphan made still reaped: SLOW; on a 200 ms timer, the control, all 500 kept")
    void timerStormSettlesSlow() {
        PromiseVerdict slow = attached(lab.check(timer, Promises.ORPHAN_STORM));
        PromiseVerdict control = attached(lab.check(fastTimer, Promises.ORPHAN_STORM));

        assertThat(slow.observed()).as(slow::explain).isEqualTo(PromiseOutcome.REAPED_SLOWLY);
        assertThat(slow.evidence()).as(slow::explain).contains("that the p99 of 500 could not be within it");
        assertThat(control.grade()).as(control::explain).isEqualTo(PromiseGrade.KEPT);
        assertThat(control.evidence()).as(control::explain).contains("500 of 500 made", "500 reaped");
    }

    @Test
    @DisplayName(
            "a deployment's stop signal SIGQUIT (nginx's) that the app dies of, exit 131, is a clean stop; judged as if SIGTERM were sent (0 and 143 only), the control, it is not")
    void stopSignalOfTheDeployment() {
        ReaperUnderTest quitting = ReaperUnderTest.deployed(
                "stops-on-quit",
                Settings.fromEnvironment().run().requireBaseImage(),
                false,
                false,
                new Deployment(
                        Optional.of(List.of("/usr/bin/tini", "--", "sh", "-c", "sleep 1000 & wait")),
                        Optional.of(List.of()),
                        Optional.empty(),
                        Optional.of("SIGQUIT"),
                        Map.of(),
                        Optional.empty(),
                        List.of(),
                        Optional.empty(),
                        Optional.empty()));
        PromiseVerdict clean = attached(lab.check(quitting, Promises.STOPS_GRACEFULLY));
        PromiseVerdict asIfTerm = attached(lab.check(
                quitting,
                Promises.STOPS_GRACEFULLY,
                new Grading(
                        Grading.DEFAULT.promptWithin(), Grading.DEFAULT.stopTimeout(), new StopRule(Set.of(0, 143)))));

        assertThat(clean.grade()).as(clean::explain).isEqualTo(PromiseGrade.KEPT);
        assertThat(clean.evidence()).contains("stop signal SIGQUIT", "stopped by itself (exit 131)");
        assertThat(asIfTerm.grade()).as(asIfTerm::explain).isEqualTo(PromiseGrade.BROKEN);
        assertThat(asIfTerm.evidence()).contains("stopped, but reported failure (exit 131");
    }

    @Test
    @DisplayName("a deaf init breaks forwards-sigterm: the engine has to kill, while it keeps reaps-orphans")
    void deafInitDoesNotForward() {
        PromiseVerdict forwards = attached(lab.check(deaf, Promises.FORWARDS_SIGTERM));
        PromiseVerdict reaps = attached(lab.check(deaf, Promises.REAPS_ORPHANS));

        assertThat(forwards.observed()).as(forwards::explain).isEqualTo(PromiseOutcome.NOT_FORWARDED);
        assertThat(forwards.grade()).isEqualTo(PromiseGrade.BROKEN);
        assertThat(forwards.seen().exitCode()).contains(137L);
        assertThat(reaps.grade()).as(reaps::explain).isEqualTo(PromiseGrade.KEPT);
    }
}
