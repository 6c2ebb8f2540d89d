package io.zombielab.promise;

import io.zombielab.fixture.Event;
import java.time.Duration;
import java.util.List;

/**
 * The init's child's exit status is never lost while orphans are reaped at the same moment. An init whose
 * reaper calls waitpid(-1) beside the wait for its own child (go-reaper's pattern) loses that race about half
 * the time: tried once, as passes-exit-code does, it is a coin toss. So zl-helper, PID 1 of the promise's
 * container, runs the init again and again ({@link #TRIALS} fast trials, each init a child sub-reaper so the
 * orphans are its own), each child leaving {@link #ORPHANS} orphans that die as it exits with a code of its
 * own; one trial whose init exits with another code breaks the promise.
 */
final class PassesExitCodeInRace extends StatedPromise {

    /** Enough that a racy reaper loses at least one (it loses 18 to 26 of 50 here); a good init takes about a second. */
    static final int TRIALS = 50;

    /** Orphans that die with each trial's child. */
    static final int ORPHANS = 3;

    /** No trial starts after this long: an init slow to start (a JVM) or to end is tried fewer times, and the evidence says so. */
    static final Duration BUDGET = Duration.ofSeconds(6);

    /**
     * How long zl-helper waits for a trial's init to exit before it kills it (hung: neither kept nor lost): well above a
     * slow init's time (a reaper on a 3 s timer notices its child's exit up to 3 s late; npm takes 8 s on a busy machine).
     */
    private static final Duration HUNG_TRIAL = Duration.ofSeconds(15);

    PassesExitCodeInRace() {
        super(
                "exit-code-in-race",
                "never loses its child's exit status while it reaps orphans that die at the same moment (" + TRIALS
                        + " trials)",
                grading -> new PromiseSetup.ChildOfInit(
                        List.of("race-child", "--orphans", Integer.toString(ORPHANS)),
                        false,
                        List.of(
                                "exit-race",
                                "--trials",
                                Integer.toString(TRIALS),
                                "--budget",
                                BUDGET.toMillis() + "ms",
                                "--hung-after",
                                HUNG_TRIAL.toMillis() + "ms",
                                "--")));
    }

    @Override
    public boolean waitsForTheInitsExit() {
        return true;
    }

    @Override
    public PromiseVerdict check(PromiseContainer c, ReaperUnderTest init, Grading grading) {
        Event.ExitRace race = c.awaitEvent(Event.ExitRace.class, BUDGET.plus(HUNG_TRIAL));
        c.awaitExit();
        return judge(init, race, c.seen(""));
    }

    /** Judged on the trials whose init exited; none: the check could not look, which is never a pass. */
    PromiseVerdict judge(ReaperUnderTest init, Event.ExitRace race, PromiseVerdict.Seen seen) {
        int ended = race.trials() - race.hung();
        if (ended == 0) {
            throw new IllegalStateException("in none of its " + race.trials() + " trials did the init exit within "
                    + HUNG_TRIAL.toSeconds() + " s of its start (its child had exited): no exit code to compare");
        }
        PromiseOutcome outcome = race.lost() == 0 ? PromiseOutcome.EXIT_CODE_PASSED : PromiseOutcome.EXIT_CODE_LOST;
        String evidence = "lost " + race.lost() + " of " + ended + " trials"
                + (race.lost() > 0 ? " (first, " + race.firstLost() + ")" : "")
                + (race.hung() > 0
                        ? "; " + race.hung() + " more hung (the init had not exited " + HUNG_TRIAL.toSeconds()
                                + " s after its start: killed, not judged)"
                        : "")
                + "; " + race.trials() + " trials in " + PromiseVerdict.millis(Duration.ofMillis(race.tookMillis()))
                + (race.trials() < race.of()
                        ? " (only " + race.trials() + " of " + race.of() + " fit in the " + BUDGET.toSeconds()
                                + " s budget: the init is slow to start or to end)"
                        : "");
        return PromiseVerdict.of(init, this, outcome, evidence, seen);
    }
}
