package io.zombielab.promise;

import static org.awaitility.Awaitility.await;

import io.zombielab.probe.ProcessInfo;
import io.zombielab.probe.ProcessTable;
import io.zombielab.probe.Snapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A Job's container watched from its start to its own end (or its deadline): its process table looked at every
 * {@link #EVERY}, each zombie its PID 1 adopted (PPID 1) timed from the first look that saw it to the last. A look
 * taken as the container ended may be half a table: it is dropped, so the last look is a whole one.
 */
final class JobWatch {

    /** How often the table is read while the Job runs. */
    static final Duration EVERY = Duration.ofMillis(100);

    /** How long the engine may take to say a container has ended once its PID 1 is gone. */
    private static final Duration ENDING = Duration.ofSeconds(5);

    private JobWatch() {}

    /**
     * An adopted zombie: when a look first and last saw it, and whether the last look saw it still there.
     *
     * @param atEnd the last look before the Job ended (or its deadline) still showed it
     */
    record Zombie(ProcessInfo process, Instant firstSeen, Instant lastSeen, boolean atEnd) {
        /** How long it was seen a zombie: a lower bound, to a look's interval. */
        Duration age() {
            return Duration.between(firstSeen, lastSeen);
        }
    }

    /**
     * What the watch saw.
     *
     * @param ended   how the container ended by itself; empty: still running at the deadline
     * @param looks   whole tables read while it ran
     * @param table   the table with the most adopted zombies (the last one if none had any); "" if no look
     */
    record Watched(
            Optional<PromiseContainer.Ended> ended, Duration watched, int looks, List<Zombie> zombies, String table) {
        Watched {
            zombies = List.copyOf(zombies);
        }

        /** "5.21 s" by the engine's clock when it ended, else how long it was watched. */
        String ran() {
            return PromiseVerdict.millis(ended.map(e -> Duration.between(e.startedAt(), e.finishedAt()))
                    .orElse(watched));
        }
    }

    /** The terms of the Job {@code init} deploys: every Job promise is judged on them. */
    static JobTerms termsOf(ReaperUnderTest init) {
        return init.deployment().job().orElseThrow(() -> new IllegalStateException(init.name() + " is not a Job"));
    }

    static Watched watch(PromiseContainer c, JobTerms job) {
        long t0 = System.nanoTime();
        Map<ProcessInfo.ProcessKey, Zombie> zombies = new LinkedHashMap<>();
        int[] looks = {0};
        long[] most = {-1};
        String[] table = {""};
        try {
            await().atMost(job.deadline())
                    .pollDelay(Duration.ZERO)
                    .pollInterval(EVERY)
                    .until(() -> {
                        Optional<Snapshot> s = look(c);
                        if (s.isEmpty()) {
                            return true;
                        }
                        looks[0]++;
                        Instant at = s.get().takenAt();
                        List<ProcessInfo> adopted = s.get().processes().stream()
                                .filter(p -> p.isZombie() && p.ppid() == 1)
                                .toList();
                        zombies.replaceAll((k, z) -> new Zombie(z.process(), z.firstSeen(), z.lastSeen(), false));
                        for (ProcessInfo p : adopted) {
                            zombies.merge(
                                    p.key(),
                                    new Zombie(p, at, at, true),
                                    (was, now) -> new Zombie(was.process(), was.firstSeen(), at, true));
                        }
                        if (adopted.size() > most[0]) {
                            most[0] = adopted.size();
                            table[0] = ProcessTable.format(s.get());
                        } else if (most[0] == 0) {
                            table[0] = ProcessTable.format(s.get());
                        }
                        return false;
                    });
        } catch (ConditionTimeoutException stillRunning) {
            // judged below: it did not end by itself within its deadline
        }
        Optional<PromiseContainer.Ended> ended =
                c.exitCode().isPresent() ? c.awaitEnd(Duration.ofSeconds(5)) : Optional.empty();
        return new Watched(
                ended, Duration.ofNanos(System.nanoTime() - t0), looks[0], List.copyOf(zombies.values()), table[0]);
    }

    /** A whole table, or none once the container has ended (a look racing its end is dropped). */
    private static Optional<Snapshot> look(PromiseContainer c) {
        if (c.exitCode().isPresent()) {
            return Optional.empty();
        }
        Snapshot s;
        try {
            s = c.snapshot();
        } catch (RuntimeException e) {
            // The probe can find PID 1 gone a moment before the engine says the container has ended.
            try {
                await().atMost(ENDING)
                        .pollDelay(Duration.ZERO)
                        .pollInterval(Duration.ofMillis(50))
                        .until(() -> c.exitCode().isPresent());
            } catch (ConditionTimeoutException stillRunning) {
                throw e;
            }
            return Optional.empty();
        }
        return c.exitCode().isPresent() ? Optional.empty() : Optional.of(s);
    }
}
