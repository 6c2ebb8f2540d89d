package io.zombielab.promise;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When the program it is to run cannot be executed (a typo in CMD, a binary for another platform), the init exits
 * promptly, non-zero, and says why on stderr. Exiting 0 tells the orchestrator the job succeeded; hanging keeps a
 * container up that does nothing. The code is reported: tini 127, dumb-init 2, catatonit 1 (measured here).
 */
final class ExecFailure extends StatedPromise {

    /** A program no image has. */
    static final String MISSING = "/zombielab/no-such-program";

    ExecFailure() {
        super(
                "exec-failure",
                "when its child cannot be executed, exits promptly and non-zero, saying why on stderr",
                grading -> new PromiseSetup.ChildOfInit(List.of(), false, MISSING));
    }

    /** Judged on how the init ends once its child has: a service supervisor, which restarts it, is not checked. */
    @Override
    public boolean waitsForTheInitsExit() {
        return true;
    }

    @Override
    public PromiseVerdict check(PromiseContainer c, ReaperUnderTest init, Grading grading) {
        Optional<PromiseContainer.Ended> ended = c.awaitEnd(grading.reapWindow());
        return judge(init, ended, c.stderrNow(), grading, c.seen(""));
    }

    PromiseVerdict judge(
            ReaperUnderTest init,
            Optional<PromiseContainer.Ended> ended,
            String stderr,
            Grading grading,
            PromiseVerdict.Seen seen) {
        Optional<String> why =
                stderr.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst();
        String said = why.map(w -> "; stderr: " + w).orElse("; nothing on stderr");
        if (ended.isEmpty()) {
            return PromiseVerdict.of(
                    init,
                    this,
                    PromiseOutcome.HUNG,
                    "exec of " + MISSING + " failed, and the init still ran "
                            + grading.reapWindow().toMillis() + " ms later" + said,
                    seen);
        }
        long code = ended.get().exitCode();
        // The engine stamps StartedAt once the process runs, and an init whose exec fails can be gone by then:
        // FinishedAt comes out a millisecond before it. Such an exit took no measurable time.
        Duration stamped = Duration.between(ended.get().startedAt(), ended.get().finishedAt());
        Duration took = stamped.isNegative() ? Duration.ZERO : stamped;
        PromiseOutcome outcome = code == 0
                ? PromiseOutcome.EXEC_FAILURE_HIDDEN
                : why.isEmpty()
                        ? PromiseOutcome.EXEC_FAILURE_UNEXPLAINED
                        : grading.prompt(took)
                                ? PromiseOutcome.EXEC_FAILURE_REPORTED
                                : PromiseOutcome.EXEC_FAILURE_REPORTED_SLOWLY;
        return PromiseVerdict.timed(
                init,
                this,
                outcome,
                Optional.of(took),
                "exec of " + MISSING + " failed; the init exited " + code + " after " + PromiseVerdict.millis(took)
                        + said,
                seen);
    }
}
