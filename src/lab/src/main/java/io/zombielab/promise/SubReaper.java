package io.zombielab.promise;

/**
 * Not PID 1 (zl-helper's inert init is, and never reaps), the init still reaps orphans as a child sub-reaper
 * (tini -s, catatonit); plain tini warns and does not.
 */
final class SubReaper extends StatedPromise {

    SubReaper() {
        super(
                "sub-reaper",
                "not PID 1, still reaps orphans as a child sub-reaper (tini -s, catatonit); plain tini warns and does not",
                grading -> new PromiseSetup.ChildOfInit(Orphans.command(grading), true));
    }

    /** An init the engine injects is always PID 1: it has no sub-reaper mode to test. */
    @Override
    public boolean appliesTo(ReaperUnderTest init) {
        return !init.engineInit();
    }

    @Override
    public PromiseVerdict check(PromiseContainer container, ReaperUnderTest init, Grading grading) {
        return Orphans.check(this, container, init, grading);
    }
}
