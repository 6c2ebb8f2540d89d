package io.zombielab.promise;

import io.zombielab.probe.ProcessTable;
import java.time.Duration;
import java.util.Optional;

/**
 * The image as it ships stops on docker stop's signal (its STOPSIGNAL, SIGTERM unless it says otherwise) by
 * itself, promptly. A PID 1 without a handler for it ignores it (the kernel gives PID 1 no default action),
 * and the engine's SIGKILL ends the container after the stop timeout: every rolling deploy waits that long.
 */
final class StopsGracefully extends StatedPromise {

    /** What an engine's SIGKILL leaves as the exit code. */
    private static final long KILLED = 128 + 9;

    StopsGracefully() {
        super("stops-gracefully", "stops by itself on docker stop's signal, promptly",
                grading -> new PromiseSetup.AsShipped());
    }

    @Override
    public PromiseVerdict check(PromiseContainer c, ReaperUnderTest init, Grading grading) {
        c.awaitSettled();
        String table = ProcessTable.format(c.snapshot());
        // A pod's preStop hook runs to its end before the kubelet sends the stop signal.
        String hook = init.deployment().preStop().map(p -> "; " + p.describe() + " ran first, exit code "
                + c.exec(p.command(), init.deployment().user())).orElse("");
        Duration took = c.stop(grading.stopTimeoutSeconds());
        PromiseVerdict v = judge(init, took, grading, c.seen(table));
        return hook.isEmpty() ? v : new PromiseVerdict(v.init(), v.promise(), v.observed(), v.expected(), v.latency(), v.evidence() + hook,
                v.seen());
    }

    /** Killed when the engine had to (exit 137 after the whole timeout); else stopped, promptly or not. */
    PromiseVerdict judge(ReaperUnderTest init, Duration took, Grading grading, PromiseVerdict.Seen seen) {
        long code = seen.exitCode().orElse(-1L);
        boolean killed = code == KILLED && took.compareTo(grading.stopTimeout()) >= 0;
        PromiseOutcome outcome = killed ? PromiseOutcome.KILLED
                : grading.prompt(took) ? PromiseOutcome.STOPPED : PromiseOutcome.STOPPED_SLOWLY;
        return PromiseVerdict.timed(init, this, outcome, killed ? Optional.empty() : Optional.of(took),
                "docker stop took " + PromiseVerdict.millis(took) + " (timeout " + grading.stopTimeoutSeconds() + " s); exit code "
                        + seen.exitCode().map(String::valueOf).orElse("none") + (killed ? " (SIGKILL)" : ""), seen);
    }
}
