package io.zombielab.promise;

import io.zombielab.fixture.Event;
import io.zombielab.probe.ProcessTable;
import java.time.Duration;

/** What the group promises watch: which of zl-helper's group got docker stop's SIGTERM. */
final class Groups {

    /** How many wait-signal children zl-helper starts below itself. */
    static final int CHILDREN = 2;

    /** @param signalled how many got SIGTERM (in the promise's sense); {@code took} how long docker stop took */
    record Reach(int signalled, Duration took, String table) {
    }

    private Groups() {
    }

    /**
     * Stops the container once the group is up; {@code leaderCounts}: whether zl-helper's own SIGTERM counts. A group
     * signal is delivered to every member in the same kill(2), so whoever gets it announces it at once; the
     * unreached are only waiting for the engine's SIGKILL.
     */
    static Reach stop(PromiseContainer c, boolean leaderCounts, Grading grading) {
        int leader = c.awaitEvent(Event.GroupReady.class).pid();
        String table = ProcessTable.format(c.snapshot());
        Duration took = c.stop(grading.stopTimeoutSeconds());
        int signalled = c.events().all(Event.GotSignal.class, e -> e.signal().equals("TERM") && (leaderCounts || e.pid() != leader))
                .size();
        return new Reach(signalled, took, table);
    }
}
