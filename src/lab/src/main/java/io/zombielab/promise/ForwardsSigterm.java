package io.zombielab.promise;

import io.zombielab.fixture.Event;
import io.zombielab.probe.ProcessTable;
import io.zombielab.probe.Signal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The init forwards docker stop's SIGTERM to its child, which stops at once: the stop's latency is the init's.
 * Within the bound: forwarded; later but before the engine's SIGKILL: forwarded slowly; never: not forwarded.
 */
final class ForwardsSigterm extends StatedPromise {

    ForwardsSigterm() {
        super(
                "forwards-sigterm",
                "forwards docker stop's SIGTERM to its child, promptly",
                grading -> new PromiseSetup.ChildOfInit(List.of("wait-signal"), false));
    }

    @Override
    public PromiseVerdict check(PromiseContainer c, ReaperUnderTest init, Grading grading) {
        c.awaitEvent(Event.Waiting.class);
        String table = ProcessTable.format(c.snapshot());
        Duration took = c.stop(grading.stopTimeoutSeconds());
        boolean signalled = c.eventsNow().any(Event.GotSignal.class, e -> e.signal() == Signal.TERM);
        return judge(init, signalled, took, grading, c.seen(table));
    }

    /** Forwarded when the child got SIGTERM; promptly when the stop took no longer than the bound. */
    PromiseVerdict judge(
            ReaperUnderTest init, boolean signalled, Duration took, Grading grading, PromiseVerdict.Seen seen) {
        String exit = seen.exitCode().map(code -> "exit code " + code).orElse("still running");
        PromiseOutcome outcome = !signalled
                ? PromiseOutcome.NOT_FORWARDED
                : grading.prompt(took) ? PromiseOutcome.FORWARDED : PromiseOutcome.FORWARDED_SLOWLY;
        String what = signalled
                ? "the child got SIGTERM"
                : "the child got no SIGTERM within the stop timeout (" + grading.stopTimeoutSeconds() + " s)";
        return PromiseVerdict.timed(
                init,
                this,
                outcome,
                signalled ? Optional.of(took) : Optional.empty(),
                what + "; docker stop took " + PromiseVerdict.millis(took) + "; " + exit
                        + (outcome == PromiseOutcome.FORWARDED_SLOWLY
                                ? " (the bound: " + PromiseVerdict.millis(grading.promptWithin()) + ")"
                                : ""),
                seen);
    }
}
