package io.zombielab.promise;

/**
 * One promise an init makes, stated as one check, as tini's and dumb-init's own test suites state them: how the
 * promise's own container runs, and how what happens there is judged. The promises are in {@link Promises};
 * adding one is a class of its own and a line there.
 */
public interface Promise {

    /** The promise's name in reports and on the command line: {@code reaps-orphans}. */
    String id();

    /** The promise in one sentence. */
    String meaning();

    /** How its container runs, under this grading (how long zl-helper watches, say). */
    PromiseSetup setup(Grading grading);

    /** Whether the promise applies to this init: an init the engine injects is always PID 1, say. */
    default boolean appliesTo(ReaperUnderTest init) {
        return true;
    }

    /**
     * Whether the promise is judged on how the init ends once its child has (its exit code): a service supervisor,
     * which restarts its child instead, is not checked for it.
     */
    default boolean waitsForTheInitsExit() {
        return false;
    }

    /** Watches the started container and judges what it did, against the init's expected outcome if it has one. */
    PromiseVerdict check(PromiseContainer container, ReaperUnderTest init, Grading grading);
}
