package io.zombielab.promise;

import static org.awaitility.Awaitility.await;

import io.zombielab.fixture.Event;
import io.zombielab.probe.ProcessTable;
import io.zombielab.probe.Snapshot;
import java.time.Duration;
import org.awaitility.core.ConditionTimeoutException;

/** What the orphan promises watch: zl-helper's orphans exit, then whether their adopter left them zombies. */
final class Orphans {

    /** How many orphans zl-helper makes. */
    static final int COUNT = 5;
    /** A reaper reaps on SIGCHLD, at once; zombies still there after this are not going to be reaped. */
    private static final Duration REAP_WINDOW = Duration.ofSeconds(3);
    private static final int STOP_TIMEOUT_SECONDS = 10;

    private Orphans() {
    }

    static PromiseVerdict check(Promise promise, PromiseContainer c, ReaperUnderTest init) {
        c.awaitEvent(Event.OrphansDone.class);
        Snapshot left;
        try {
            left = await().atMost(REAP_WINDOW).pollInterval(Duration.ofMillis(50)).until(c::snapshot, s -> s.zombieCount() == 0);
        } catch (ConditionTimeoutException e) {
            left = c.snapshot();
        }
        c.stop(STOP_TIMEOUT_SECONDS);
        return judge(promise, init, left.zombieCount(), c.seen(ProcessTable.format(left)));
    }

    /** Reaped when no zombie was left; the evidence quotes what the init said about PID 1, if it said anything. */
    static PromiseVerdict judge(Promise promise, ReaperUnderTest init, long zombies, PromiseVerdict.Seen seen) {
        return PromiseVerdict.of(init, promise, zombies == 0 ? PromiseOutcome.REAPED : PromiseOutcome.LEFT_ZOMBIES,
                zombies + " zombies after the orphans exited" + warning(seen.containerLog()), seen);
    }

    /** What the init itself said about PID 1 (tini warns when it is neither PID 1 nor a sub-reaper). */
    private static String warning(String log) {
        return log.lines().filter(l -> !l.contains(Event.PREFIX.trim()) && l.contains("PID 1"))
                .findFirst().map(l -> "; the init warned: " + l.trim()).orElse("");
    }
}
