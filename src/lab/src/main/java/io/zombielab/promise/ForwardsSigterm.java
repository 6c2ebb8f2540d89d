package io.zombielab.promise;

import io.zombielab.fixture.Event;
import io.zombielab.probe.ProcessTable;
import java.time.Duration;
import java.util.List;

/** The init forwards docker stop's SIGTERM to its child, which stops in well under the stop timeout. */
final class ForwardsSigterm extends StatedPromise {

    /** docker stop's own default: a forwarding init stops its child long before the engine's SIGKILL. */
    private static final int STOP_TIMEOUT_SECONDS = 10;
    /** A child that got the forwarded SIGTERM stops at once; a stop this slow was ended by the engine's SIGKILL. */
    static final Duration PROMPT_STOP = Duration.ofSeconds(5);

    ForwardsSigterm() {
        super("forwards-sigterm",
                "forwards docker stop's SIGTERM to its child, which stops in well under the stop timeout",
                List.of("wait-signal"));
    }

    @Override
    public PromiseVerdict check(PromiseContainer c, ReaperUnderTest init) {
        c.awaitEvent(Event.Waiting.class);
        String table = ProcessTable.format(c.snapshot());
        Duration took = c.stop(STOP_TIMEOUT_SECONDS);
        boolean signalled = c.events().any(Event.GotSignal.class, e -> e.signal().equals("TERM"));
        return judge(init, signalled, took, c.seen(table));
    }

    /** Forwarded when the child got SIGTERM and the stop took far less than the engine's SIGKILL would. */
    PromiseVerdict judge(ReaperUnderTest init, boolean signalled, Duration took, PromiseVerdict.Seen seen) {
        String exit = seen.exitCode().map(code -> "exit code " + code).orElse("still running");
        return PromiseVerdict.of(init, this, signalled && took.compareTo(PROMPT_STOP) < 0
                        ? PromiseOutcome.FORWARDED : PromiseOutcome.NOT_FORWARDED,
                (signalled ? "the child got SIGTERM" : "the child got no SIGTERM") + "; docker stop took " + took.toMillis()
                        + " ms; " + exit, seen);
    }
}
