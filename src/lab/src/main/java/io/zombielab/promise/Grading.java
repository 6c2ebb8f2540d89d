package io.zombielab.promise;

import io.zombielab.probe.OrphanRequest;
import io.zombielab.probe.StopRule;
import java.time.Duration;
import java.util.Objects;

/**
 * How validate grades what it sees. {@code promptWithin}: a reap or a stop slower than this is SLOW, a failure
 * of its own, distinct from never (the default, 1 s, is three orders of magnitude above what tini takes and
 * below what a timer-based reaper or a late forward does). {@code stopTimeout}: what docker stop waits before
 * its SIGKILL; a stop that needs it is "never".
 */
public record Grading(Duration promptWithin, Duration stopTimeout, StopRule stopRule) {

    public static final Grading DEFAULT = new Grading(Duration.ofSeconds(1), Duration.ofSeconds(5));

    /** With the stop rule both validate and the library apply unless told otherwise (exit 0 or 143). */
    public Grading(Duration promptWithin, Duration stopTimeout) {
        this(promptWithin, stopTimeout, StopRule.DEFAULT);
    }

    /**
     * Orphans still there this long after they exited are not going to be reaped: three bounds, at least 5 s,
     * so that a reaper on a timer of a few seconds is slow, not never.
     */
    private static final Duration LEAST_REAP_WINDOW = Duration.ofSeconds(5);

    public Grading {
        Objects.requireNonNull(promptWithin, "promptWithin");
        Objects.requireNonNull(stopTimeout, "stopTimeout");
        Objects.requireNonNull(stopRule, "stopRule");
        if (promptWithin.isNegative() || promptWithin.isZero()) {
            throw new IllegalArgumentException(
                    "the latency bound must be above 0, not " + promptWithin.toMillis() + " ms");
        }
        if (stopTimeout.compareTo(promptWithin) <= 0 || stopTimeout.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException(
                    "the stop timeout must be whole seconds above the latency bound (" + promptWithin.toMillis()
                            + " ms), not " + stopTimeout.toMillis() + " ms: slow and never would be one");
        }
    }

    /** How long the orphans are watched after the last one exited. */
    public Duration reapWindow() {
        Duration three = promptWithin.multipliedBy(3);
        return three.compareTo(LEAST_REAP_WINDOW) > 0 ? three : LEAST_REAP_WINDOW;
    }

    /**
     * The orphans exit evenly over this long, one and a half bounds, not all at once: whatever the phase of a
     * reaper's timer, one of them then waits at least a bound when its period is over 1.4 bounds (a spread
     * above the bound, gaps of three eighths of one), so a timer is graded by its period, not by luck.
     */
    public Duration orphanSpread() {
        return promptWithin.multipliedBy(3).dividedBy(2);
    }

    /** From the first orphan made to the end of the watch for the last one's reaping. */
    public Duration orphanWatch() {
        return orphanSpread().plus(reapWindow());
    }

    /** The orphans the orphan promises make (and the library's check given the same): count, spread and window. */
    public OrphanRequest orphans() {
        return new OrphanRequest(Orphans.COUNT, orphanSpread(), reapWindow());
    }

    /** docker stop's timeout, in its unit. */
    public int stopTimeoutSeconds() {
        return (int) stopTimeout.toSeconds();
    }

    public boolean prompt(Duration latency) {
        return latency.compareTo(promptWithin) <= 0;
    }
}
