package io.zombielab.promise;

import io.zombielab.fixture.Event;
import io.zombielab.probe.ProcessTable;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A storm of orphans: {@link #COUNT} made over about a second (a build's compiler processes, a test suite's
 * shells), at most {@link #MAX_ALIVE} alive at once, and at most {@link #MAX_UNREAPED} made and not yet reaped (zl-helper's storm
 * waits for reaps beyond that), so that the container's PID limit (256) is not what is tested: a reaper on a timer
 * slows the storm down and is graded by its latency, SLOW, instead of running the container out of PIDs. Every one
 * must be reaped, and the reaps' p99 within the bound: a reaper that keeps up with five orphans may not keep up
 * with five hundred.
 */
final class OrphanStorm extends StatedPromise {

    static final int COUNT = 500;
    static final int MAX_ALIVE = 100;
    /** Made and not yet reaped, zombies included: room left under the container's 256 PIDs for a JVM init's threads. */
    static final int MAX_UNREAPED = 160;

    private static final Duration SPREAD = Duration.ofSeconds(1);
    /** Making them is CPU-bound (two execs each): on a loaded machine it can take several times the spread. */
    private static final Duration MAKING = Duration.ofSeconds(15);

    OrphanStorm() {
        super(
                "orphan-storm",
                "reaps a storm of " + COUNT + " orphans (at most " + MAX_ALIVE
                        + " alive at once), every one, the p99 promptly",
                grading -> new PromiseSetup.ChildOfInit(
                        List.of(
                                "storm",
                                "--count",
                                Integer.toString(COUNT),
                                "--spread-ms",
                                Long.toString(SPREAD.toMillis()),
                                "--max-alive",
                                Integer.toString(MAX_ALIVE),
                                "--max-unreaped",
                                Integer.toString(MAX_UNREAPED),
                                "--watch-ms",
                                Long.toString(grading.reapWindow().toMillis()),
                                "--settle-over-ms",
                                Long.toString(grading.promptWithin().toMillis())),
                        false));
    }

    @Override
    public PromiseVerdict check(PromiseContainer c, ReaperUnderTest init, Grading grading) {
        Event.StormDone storm = c.awaitEvent(Event.StormDone.class, MAKING.plus(grading.reapWindow()));
        String table = storm.unreaped() > 0 || !storm.spawnError().isEmpty() ? ProcessTable.format(c.snapshot()) : "";
        return judge(init, storm, grading, c.seen(table));
    }

    PromiseVerdict judge(ReaperUnderTest init, Event.StormDone storm, Grading grading, PromiseVerdict.Seen seen) {
        // A storm settled as slow stopped making orphans: every one it made must still have been reaped.
        int due = storm.settled() ? storm.made() : storm.count();
        boolean left = storm.unreaped() > 0 || !storm.spawnError().isEmpty() || storm.reaped() < due;
        Duration p99 = Duration.ofNanos(storm.p99Micros() * 1000);
        PromiseOutcome outcome = left
                ? PromiseOutcome.LEFT_ZOMBIES
                : grading.prompt(p99) && !storm.settled() ? PromiseOutcome.REAPED : PromiseOutcome.REAPED_SLOWLY;
        String made = storm.made() + " of " + storm.count() + " made, the storm over in " + storm.tookMillis()
                + " ms (at most " + storm.maxAlive() + " alive at once)"
                + (storm.spawnError().isEmpty() ? "" : ", then no more: " + storm.spawnError())
                + (storm.settled()
                        ? ", then no more: enough reaps took over "
                                + PromiseVerdict.millis(grading.promptWithin()) + " that the p99 of " + storm.count()
                                + " could not be within it (" + storm.slow() + " over it in the end)"
                        : "");
        String reaps = storm.reaped() + " reaped"
                + (storm.reaped() == 0
                        ? ""
                        : ": p50 " + ms(storm.p50Micros()) + ", p99 " + ms(storm.p99Micros()) + ", the slowest "
                                + ms(storm.maxMicros()))
                + (storm.unreaped() > 0
                        ? "; " + storm.unreaped() + " not reaped within "
                                + grading.reapWindow().toMillis() + " ms of the last exit (" + storm.zombies()
                                + " left as zombies)"
                        : "");
        return PromiseVerdict.timed(
                init,
                this,
                outcome,
                left ? Optional.empty() : Optional.of(p99),
                made + "; " + reaps
                        + (outcome == PromiseOutcome.REAPED_SLOWLY
                                ? " (the bound, for the p99: " + PromiseVerdict.millis(grading.promptWithin()) + ")"
                                : ""),
                seen);
    }

    private static String ms(long micros) {
        return PromiseVerdict.millis(Duration.ofNanos(micros * 1000));
    }
}
