package io.zombielab.promise;

import io.zombielab.probe.ProcessTable;
import io.zombielab.probe.StopRule;
import io.zombielab.probe.StopSignal;
import java.time.Duration;
import java.util.Optional;

/**
 * The image as it ships stops on docker stop's signal (its STOPSIGNAL, SIGTERM unless it says otherwise) by
 * itself, promptly. A PID 1 without a handler for it ignores it (the kernel gives PID 1 no default action),
 * and the engine's SIGKILL ends the container after the stop timeout: every rolling deploy waits that long.
 */
final class StopsGracefully extends StatedPromise {

    StopsGracefully() {
        super(
                "stops-gracefully",
                "stops by itself on docker stop's signal, promptly",
                grading -> new PromiseSetup.AsShipped());
    }

    @Override
    public PromiseVerdict check(PromiseContainer c, ReaperUnderTest init, Grading grading) {
        Optional<JobTerms> job = init.deployment().job();
        if (job.isPresent()) {
            // A Job ends by itself: it is stopped only when it is still running at its deadline, as the Job controller
            // does.
            Optional<PromiseContainer.Ended> ended = c.awaitEnd(job.get().deadline());
            if (ended.isPresent()) {
                return PromiseVerdict.notApplicable(
                        init,
                        this,
                        "a " + job.get().kind() + " ends by itself: it ended after "
                                + PromiseVerdict.millis(Duration.between(
                                        ended.get().startedAt(), ended.get().finishedAt()))
                                + " (exit code "
                                + ended.get().exitCode() + "), before "
                                + job.get().describeDeadline() + ", so nothing was stopped",
                        c.seen(""));
            }
        } else {
            c.awaitSettled();
        }
        String table = ProcessTable.format(c.snapshot());
        // A pod's preStop hook runs to its end before the kubelet sends the stop signal.
        String hook = init.deployment()
                .preStop()
                .map(p -> "; " + p.describe() + " ran first, exit code "
                        + c.exec(p.command(), init.deployment().user()))
                .orElse("");
        StopSignal signal = c.stopSignal();
        Duration took = c.stop(grading.stopTimeoutSeconds());
        PromiseVerdict v = judge(init, took, signal, grading, c.seen(table));
        return hook.isEmpty()
                ? v
                : new PromiseVerdict(
                        v.init(), v.promise(), v.observed(), v.expected(), v.latency(), v.evidence() + hook, v.seen());
    }

    /**
     * By the stop rule the library applies too: killed when the engine had to (exit 137 after the whole timeout);
     * stopped, but reported failure, when it ended by itself with a code the rule does not accept; else stopped,
     * promptly or not.
     */
    PromiseVerdict judge(
            ReaperUnderTest init, Duration took, StopSignal signal, Grading grading, PromiseVerdict.Seen seen) {
        StopRule.Stop stop = new StopRule.Stop(seen.exitCode(), took, grading.stopTimeout(), signal);
        StopRule.Ending ending = grading.stopRule().ending(stop);
        PromiseOutcome outcome =
                switch (ending) {
                    case KILLED_BY_ENGINE, STILL_RUNNING -> PromiseOutcome.KILLED;
                    case REPORTED_FAILURE -> PromiseOutcome.STOPPED_REPORTING_FAILURE;
                    case STOPPED -> grading.prompt(took) ? PromiseOutcome.STOPPED : PromiseOutcome.STOPPED_SLOWLY;
                };
        boolean stopped = ending == StopRule.Ending.STOPPED || ending == StopRule.Ending.REPORTED_FAILURE;
        return PromiseVerdict.timed(
                init,
                this,
                outcome,
                stopped ? Optional.of(took) : Optional.empty(),
                "docker stop took " + PromiseVerdict.millis(took) + " (timeout " + grading.stopTimeoutSeconds()
                        + " s" + (signal.equals(StopSignal.DEFAULT) ? "" : ", stop signal " + signal) + "); "
                        + grading.stopRule().words(stop),
                seen);
    }
}
