package io.zombielab.promise;

import java.util.List;

/** As PID 1, the init reaps the orphans it adopts (tini: reaping zombies): none is left a zombie. */
final class ReapsOrphans extends StatedPromise {

    ReapsOrphans() {
        super("reaps-orphans",
                "as PID 1, reaps the orphans it adopts (tini: reaping zombies)",
                List.of("orphans", "--count", Integer.toString(Orphans.COUNT)));
    }

    @Override
    public PromiseVerdict check(PromiseContainer container, ReaperUnderTest init) {
        return Orphans.check(this, container, init);
    }
}
