package io.zombielab.probe;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Waits for a container to settle after a change: until nothing the change made is left, or until a window
 * has passed. A zombie is counted only once it has stayed one for {@link #ZOMBIE_GRACE}: a process that just
 * died is a zombie until its parent collects it, which a reaping PID 1 does within microseconds to
 * milliseconds, and a snapshot can fall in between.
 */
public final class Settle {

    /** How long a zombie must stay one to count: far longer than any reaper takes to collect it. */
    public static final Duration ZOMBIE_GRACE = Duration.ofMillis(500);

    private static final Duration POLL = Duration.ofMillis(50);

    private Settle() {}

    /** The changes since {@code before}, once they leak nothing or {@code window} has passed. */
    public static ProcessChanges after(Probe probe, Snapshot before, Duration window) {
        long deadline = System.nanoTime() + window.toNanos();
        ProcessChanges changes = new ProcessChanges(before, probe.snapshot());
        while (!changes.leaksNothing() && System.nanoTime() < deadline) {
            pause(POLL);
            changes = new ProcessChanges(before, probe.snapshot());
        }
        if (changes.zombies().isEmpty()) {
            return changes;
        }
        // Zombies seen at the window's end: only those still there after the grace count.
        Set<ProcessInfo.ProcessKey> seen =
                changes.zombies().stream().map(ProcessInfo::key).collect(Collectors.toSet());
        long graceEnd = System.nanoTime() + ZOMBIE_GRACE.toNanos();
        ProcessChanges later = changes;
        while (System.nanoTime() < graceEnd) {
            pause(POLL);
            later = new ProcessChanges(before, probe.snapshot());
            if (later.zombies().stream().noneMatch(z -> seen.contains(z.key()))) {
                break; // they were reaped after all
            }
        }
        return later;
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProbeException("interrupted while the container settled", e);
        }
    }
}
