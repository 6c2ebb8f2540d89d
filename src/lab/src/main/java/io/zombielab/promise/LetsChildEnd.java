package io.zombielab.promise;

import io.zombielab.fixture.Event;
import io.zombielab.probe.ProcessTable;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * On a stop, the init lets its child end by itself: it forwards SIGTERM and waits for the child's own exit. A PID 1
 * that exits at once on SIGTERM leaves the rest of the container to the kernel's SIGKILL, and that looks like a
 * clean stop (exit 0 within a fraction of a second) while the app never finished its shutdown: runit's runsvdir
 * "exits with 0 immediately" on SIGTERM (runsvdir(8)). The child here takes {@link #SHUTDOWN_MS} ms to shut down
 * and says when it is done; the evidence is how it ended: its own exit, or killed with the namespace.
 */
final class LetsChildEnd extends StatedPromise {

    /** How long the child's shutdown takes: an app closing its connections; well under the latency bound. */
    static final int SHUTDOWN_MS = 300;

    LetsChildEnd() {
        super(
                "lets-child-end",
                "on docker stop, forwards SIGTERM and lets its child end by itself, not with the namespace",
                grading -> new PromiseSetup.ChildOfInit(
                        List.of("on-stop", "--shutdown-ms", Integer.toString(SHUTDOWN_MS)), false));
    }

    @Override
    public PromiseVerdict check(PromiseContainer c, ReaperUnderTest init, Grading grading) {
        c.awaitEvent(Event.Waiting.class);
        String table = ProcessTable.format(c.snapshot());
        Duration took = c.stop(grading.stopTimeoutSeconds());
        List<Event.Shutdown> shutdown = c.eventsNow().all(Event.Shutdown.class);
        return judge(init, shutdown, took, c.seen(table));
    }

    PromiseVerdict judge(ReaperUnderTest init, List<Event.Shutdown> shutdown, Duration took, PromiseVerdict.Seen seen) {
        Optional<Event.Shutdown> started =
                shutdown.stream().filter(s -> !s.done()).findFirst();
        boolean done = shutdown.stream().anyMatch(Event.Shutdown::done);
        String stop = "docker stop took " + PromiseVerdict.millis(took) + ", exit code "
                + seen.exitCode().map(String::valueOf).orElse("none");
        if (started.isEmpty()) {
            return PromiseVerdict.of(
                    init, this, PromiseOutcome.CHILD_NEVER_SIGNALLED, "the child never got SIGTERM; " + stop, seen);
        }
        if (done) {
            return PromiseVerdict.of(
                    init,
                    this,
                    PromiseOutcome.CHILD_ENDED,
                    "the child got SIGTERM, ran its " + SHUTDOWN_MS + " ms shutdown and exited by itself; " + stop,
                    seen);
        }
        return PromiseVerdict.of(
                init,
                this,
                PromiseOutcome.CHILD_KILLED,
                "the child got SIGTERM and began its " + SHUTDOWN_MS
                        + " ms shutdown, but never finished it: PID 1 exited first and the kernel killed the rest with the namespace ("
                        + stop + ", which looks like a clean stop)",
                seen);
    }
}
