package io.zombielab.run;

import io.zombielab.probe.ProcessInfo;
import io.zombielab.probe.Snapshot;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * A zombie is counted only once it has outlived a reaper's reaction time. A process that just died is a
 * zombie until its parent collects it: under a reaper that takes microseconds to a few milliseconds, and a
 * snapshot can fall in between. Waiting until every zombie has been one for {@link #GRACE} tells a zombie
 * that stays from one about to be reaped, without assuming which the reaper will do. Cells that leave no
 * zombies pay nothing; cells that do pay the grace once per cycle.
 */
final class ZombieWatch {

    static final Duration GRACE = Duration.ofMillis(500);

    private final Map<ProcessInfo.ProcessKey, Long> firstSeen = new HashMap<>();
    private final LongSupplier clock;

    ZombieWatch() {
        this(System::nanoTime);
    }

    ZombieWatch(LongSupplier nanoClock) {
        this.clock = nanoClock;
    }

    /** Empty when every zombie in the snapshot has been one for the grace; otherwise which are too young. */
    Optional<String> pending(Snapshot snapshot) {
        long now = clock.getAsLong();
        List<String> young = snapshot.processes().stream()
                .filter(ProcessInfo::isZombie)
                .filter(p -> now - firstSeen.computeIfAbsent(p.key(), k -> now) < GRACE.toNanos())
                .map(p -> "pid " + p.pid() + " (" + p.comm() + ")")
                .toList();
        return young.isEmpty()
                ? Optional.empty()
                : Optional.of("zombie " + String.join(", ", young) + " not yet " + GRACE.toMillis()
                        + " ms old: a reaper may still collect it");
    }
}
