package io.zombielab.promise;

import io.zombielab.fixture.Event;
import io.zombielab.probe.ProcessTable;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The init exits when its child exits, even while other processes are still alive in the container (a daemon the
 * app started, as `nginx &` in an entrypoint script does): else the app is gone, the container stays up, and no
 * orchestrator restarts it. What the init does to the processes left is reported: tini leaves them to the engine
 * (they die of the kernel's SIGKILL with the namespace), dumb-init sends SIGTERM to its child's group first.
 */
final class ExitsWithChild extends StatedPromise {

    ExitsWithChild() {
        super(
                "exits-with-child",
                "exits when its child exits, while other processes are still alive in the container",
                grading -> new PromiseSetup.ChildOfInit(List.of("leave-daemon", "--code", "0"), false));
    }

    /** Judged on how the init ends once its child has: a service supervisor, which restarts it, is not checked. */
    @Override
    public boolean waitsForTheInitsExit() {
        return true;
    }

    @Override
    public PromiseVerdict check(PromiseContainer c, ReaperUnderTest init, Grading grading) {
        Event.DaemonLeft left = c.awaitEvent(Event.DaemonLeft.class);
        Optional<PromiseContainer.Ended> ended = c.awaitEnd(grading.reapWindow());
        String table = ended.isPresent() ? "" : ProcessTable.format(c.snapshot());
        boolean daemonSignalled = c.eventsNow().any(Event.DaemonSignalled.class, e -> e.pid() == left.daemon());
        return judge(init, left, ended, daemonSignalled, grading, c.seen(table));
    }

    PromiseVerdict judge(
            ReaperUnderTest init,
            Event.DaemonLeft left,
            Optional<PromiseContainer.Ended> ended,
            boolean daemonSignalled,
            Grading grading,
            PromiseVerdict.Seen seen) {
        String child = "the child exited " + left.code() + " leaving its daemon (pid " + left.daemon() + ") alive";
        if (ended.isEmpty()) {
            return PromiseVerdict.timed(
                    init,
                    this,
                    PromiseOutcome.OUTLIVED_CHILD,
                    Optional.empty(),
                    child + "; the container still ran " + grading.reapWindow().toMillis()
                            + " ms later: its app is gone, and nothing restarts it",
                    seen);
        }
        Instant exited = Instant.EPOCH.plus(left.atMicros(), ChronoUnit.MICROS);
        Duration after = Duration.between(exited, ended.get().finishedAt());
        Duration took = after.isNegative() ? Duration.ZERO : after;
        PromiseOutcome outcome =
                grading.prompt(took) ? PromiseOutcome.EXITED_WITH_CHILD : PromiseOutcome.EXITED_WITH_CHILD_SLOWLY;
        return PromiseVerdict.timed(
                init,
                this,
                outcome,
                Optional.of(took),
                child + "; the container exited " + ended.get().exitCode()
                        + " after " + PromiseVerdict.millis(took) + "; the daemon: "
                        + (daemonSignalled
                                ? "got SIGTERM from the init before the container ended (the init signals its child's group, as dumb-init does)"
                                : "saw no signal before the container ended: left to the engine, killed with the namespace (as tini does; a "
                                        + "signal the kernel's SIGKILL overtook is not seen)"),
                seen);
    }
}
