package io.zombielab.promise;

import io.zombielab.probe.ProcessTable;
import java.time.Duration;
import java.util.Optional;

/**
 * A Job's container ends by itself within its deadline with exit code 0: what Kubernetes counts as Succeeded. A code
 * other than 0 is Failed (and retried, as its restartPolicy and backoffLimit say); a container still running at its
 * deadline is stopped there as the Job controller stops it (docker stop with the pod's grace period).
 */
final class JobSucceeds extends StatedPromise {

    JobSucceeds() {
        super(
                "job-succeeds",
                "ends by itself within its deadline with exit code 0 (Kubernetes counts it Succeeded)",
                grading -> new PromiseSetup.AsShipped());
    }

    @Override
    public PromiseVerdict check(PromiseContainer c, ReaperUnderTest init, Grading grading) {
        JobTerms job = JobWatch.termsOf(init);
        JobWatch.Watched w = JobWatch.watch(c, job);
        if (w.ended().isPresent()) {
            long code = w.ended().get().exitCode();
            String ran =
                    "exit code " + code + signal(code) + " after " + w.ran() + ", within " + job.describeDeadline();
            return code == 0
                    ? PromiseVerdict.of(
                            init,
                            this,
                            PromiseOutcome.SUCCEEDED,
                            ran + ": Kubernetes counts it Succeeded",
                            c.seen(w.table()))
                    : PromiseVerdict.of(
                            init,
                            this,
                            PromiseOutcome.FAILED,
                            ran + ": Kubernetes counts the pod Failed; " + job.onFailure(),
                            c.seen(w.table()));
        }
        String table = ProcessTable.format(c.snapshot());
        Duration took = c.stop(grading.stopTimeoutSeconds());
        return PromiseVerdict.timed(
                init,
                this,
                PromiseOutcome.STILL_RUNNING,
                Optional.empty(),
                "still running at "
                        + job.describeDeadline() + ": stopped there as the Job controller would, docker stop -t "
                        + grading.stopTimeoutSeconds()
                        + " (its grace period) took " + PromiseVerdict.millis(took) + ", exit code "
                        + c.exitCode().map(String::valueOf).orElse("unknown")
                        + "; Kubernetes counts it Failed (DeadlineExceeded)",
                c.seen(table));
    }

    private static String signal(long code) {
        return code > 128 && code < 160 ? " (128+" + (code - 128) + ": ended by a signal)" : "";
    }
}
