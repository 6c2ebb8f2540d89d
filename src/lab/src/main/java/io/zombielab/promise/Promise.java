package io.zombielab.promise;

import java.util.List;

/**
 * One promise an init makes, stated as one check, as tini's and dumb-init's own test suites state them: what
 * zl-helper does as the init's child in the promise's own container, and how what happens there is judged.
 * The promises are in {@link Promises#ALL}; adding one is a class of its own and a line there.
 */
public interface Promise {

    /** The promise's name in reports and on the command line: {@code reaps-orphans}. */
    String id();

    /** The promise in one sentence. */
    String meaning();

    /** zl-helper's command line as the init's child (without the binary's path). */
    List<String> childCommand();

    /** Whether the init is put below zl-helper's inert init (not PID 1) for this promise. */
    default boolean initBelowInertInit() {
        return false;
    }

    /** Whether the promise applies to this init: an init the engine injects is always PID 1, say. */
    default boolean appliesTo(ReaperUnderTest init) {
        return true;
    }

    /** Watches the started container and judges what it did, against the init's expected outcome if it has one. */
    PromiseVerdict check(PromiseContainer container, ReaperUnderTest init);
}
