package io.zombielab.promise;

/** As PID 1, the init reaps the orphans it adopts (tini: reaping zombies), promptly: none is left a zombie. */
final class ReapsOrphans extends StatedPromise {

    ReapsOrphans() {
        super(
                "reaps-orphans",
                "as PID 1, reaps the orphans it adopts, promptly (tini: reaping zombies)",
                grading -> new PromiseSetup.ChildOfInit(Orphans.command(grading), false));
    }

    @Override
    public PromiseVerdict check(PromiseContainer container, ReaperUnderTest init, Grading grading) {
        return Orphans.check(this, container, init, grading);
    }
}
