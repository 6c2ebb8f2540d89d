package io.zombielab.promise;

import java.util.Optional;

/**
 * What a promise check can show. Each promise has two to four of these; the verdict compares them. A late
 * outcome is its prompt one, slower than the grading's bound: the promise is SLOW, not broken.
 */
public enum PromiseOutcome {
    REAPED("reaped every orphan"),
    REAPED_SLOWLY("reaped every orphan, slowly", REAPED),
    LEFT_ZOMBIES("left zombies"),
    LEFT_RUNNING("left processes running"),
    EXIT_CODE_PASSED("exit code passed through"),
    EXIT_CODE_LOST("exit code lost"),
    FORWARDED("forwarded, child stopped promptly"),
    FORWARDED_SLOWLY("forwarded, child stopped slowly", FORWARDED),
    NOT_FORWARDED("not forwarded: the engine had to kill"),
    CHILD_ONLY("the child only"),
    WHOLE_GROUP("the child's whole group"),
    UNREACHED("no SIGTERM reached them"),
    REACHED("SIGTERM reached them"),
    STOPPED("stopped promptly"),
    STOPPED_SLOWLY("stopped, slowly", STOPPED),
    KILLED("ignored the stop signal: the engine had to kill"),
    STOPPED_REPORTING_FAILURE("stopped, but reported failure"),
    FORWARDED_EVERY("forwarded every signal"),
    FORWARDED_EVERY_SLOWLY("forwarded every signal, slowly", FORWARDED_EVERY),
    SIGNALS_LOST("lost signals"),
    EXITED_WITH_CHILD("exited with its child"),
    EXITED_WITH_CHILD_SLOWLY("exited with its child, slowly", EXITED_WITH_CHILD),
    OUTLIVED_CHILD("stayed up after its child exited"),
    CLEAN_MASK("no signal blocked or ignored"),
    DIRTY_MASK("the child inherited blocked or ignored signals"),
    CHILD_ENDED("the child ended by itself"),
    CHILD_KILLED("the child was killed with the namespace"),
    CHILD_NEVER_SIGNALLED("the child never got SIGTERM"),
    EXEC_FAILURE_REPORTED("exited non-zero, saying why"),
    EXEC_FAILURE_REPORTED_SLOWLY("exited non-zero, saying why, slowly", EXEC_FAILURE_REPORTED),
    EXEC_FAILURE_HIDDEN("exited 0: the failure hidden"),
    EXEC_FAILURE_UNEXPLAINED("exited non-zero, but said nothing"),
    HUNG("never exited"),
    WARNED("warned that it is not PID 1"),
    SILENT("said nothing about it"),
    SUCCEEDED("ended by itself with exit code 0"),
    FAILED("ended by itself with a code other than 0"),
    STILL_RUNNING("still running at its deadline: stopped"),
    NOT_APPLICABLE("not applicable");

    private final String text;
    private final PromiseOutcome promptForm;

    PromiseOutcome(String text) {
        this(text, null);
    }

    PromiseOutcome(String text, PromiseOutcome promptForm) {
        this.text = text;
        this.promptForm = promptForm;
    }

    public String text() {
        return text;
    }

    /** The outcome this one is the slow form of: REAPED for REAPED_SLOWLY. */
    public Optional<PromiseOutcome> promptForm() {
        return Optional.ofNullable(promptForm);
    }

    @Override
    public String toString() {
        return text;
    }
}
