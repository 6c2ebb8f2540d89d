package io.zombielab.probe;

import java.time.Duration;
import java.util.Objects;

/**
 * The orphans a check makes in a container, in one place for the library's {@code afterOrphaning} and validate's
 * orphan promises: how many, how evenly they exit ({@code spread}: a reaper on a timer then has one of them wait
 * nearly a whole period, whatever its phase), and how long after the last exit one still there counts as never
 * reaped ({@code window}).
 */
public record OrphanRequest(int count, Duration spread, Duration window) {

    /** The most orphans one request makes: the sidecar forks them in its own cgroup, 1024 PIDs. */
    public static final int MAX_COUNT = 1000;

    public OrphanRequest {
        Objects.requireNonNull(spread, "spread");
        Objects.requireNonNull(window, "window");
        if (!countAllowed(count)) {
            throw new IllegalArgumentException("between 1 and " + MAX_COUNT + " orphans, not " + count);
        }
        if (spread.isNegative() || window.isNegative()) {
            throw new IllegalArgumentException("a spread and a window of 0 or more, not " + spread + " and " + window);
        }
    }

    /** Whether one request may make {@code count} orphans. */
    public static boolean countAllowed(int count) {
        return count >= 1 && count <= MAX_COUNT;
    }
}
