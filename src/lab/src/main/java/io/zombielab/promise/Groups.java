package io.zombielab.promise;

import io.zombielab.fixture.Event;
import io.zombielab.probe.ProcessTable;
import io.zombielab.probe.Signal;
import java.time.Duration;

/** What the group promises watch: which of zl-helper's group got docker stop's SIGTERM. */
final class Groups {

    /** How many wait-signal children zl-helper starts below itself. */
    static final int CHILDREN = 2;

    /** A group signal is one kill(2): once a member announced it, the others announce it within milliseconds. */
    private static final Duration QUIET = Duration.ofMillis(300);

    /** @param signalled how many got SIGTERM (in the promise's sense); {@code took} until the last of them said so */
    record Reach(int signalled, Duration took, String table) {}

    private Groups() {}

    /**
     * Sends PID 1 docker stop's SIGTERM once the group is up and counts who got it; {@code leaderCounts}: whether
     * zl-helper's own SIGTERM counts. Those it did not reach would only wait for the engine's SIGKILL: the count is
     * taken once the announcements stop (or after the stop timeout, if none came), and the container removed.
     */
    static Reach stop(PromiseContainer c, boolean leaderCounts, Grading grading) {
        int leader = c.awaitEvent(Event.GroupReady.class).pid();
        String table = ProcessTable.format(c.snapshot());
        c.signal(Signal.TERM);
        PromiseContainer.Counted<Event.GotSignal> got =
                c.awaitQuiet(Event.GotSignal.class, grading.stopTimeout(), QUIET);
        int signalled = (int) got.events().stream()
                .filter(e -> e.signal() == Signal.TERM && (leaderCounts || e.pid() != leader))
                .count();
        return new Reach(signalled, got.took(), table);
    }
}
