package io.zombielab.promise;

import io.zombielab.fixture.Event;
import io.zombielab.probe.OrphanReport;
import io.zombielab.probe.OrphanRequest;
import io.zombielab.probe.ProcessTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the orphan promises watch: orphans exit once re-parented, and how long their adopter took to reap each
 * (zl-helper times it, polling their /proc entries every 200 us). All reaped within the bound: reaped; all
 * reaped, one later: reaped slowly; any still there at the end of the watch: left zombies.
 */
final class Orphans {

    /** How many orphans zl-helper makes. */
    static final int COUNT = 5;

    private Orphans() {}

    /** zl-helper's command: COUNT orphans exiting over the grading's spread, each reap timed for its window. */
    static List<String> command(Grading grading, String... more) {
        OrphanRequest orphans = grading.orphans();
        List<String> command = new ArrayList<>(List.of(
                "orphans",
                "--count",
                Integer.toString(orphans.count()),
                "--spread-ms",
                Long.toString(orphans.spread().toMillis()),
                "--watch-ms",
                Long.toString(orphans.window().toMillis())));
        command.addAll(List.of(more));
        return command;
    }

    /** The orphans zl-helper made below the init (its child's orphans). */
    static PromiseVerdict check(Promise promise, PromiseContainer c, ReaperUnderTest init, Grading grading) {
        c.awaitEvent(Event.OrphansDone.class, grading.orphanWatch());
        String table = ProcessTable.format(c.snapshot());
        // No docker stop: how the container ends is not judged here, and an init that forwards nothing would make
        // every orphan promise wait out the stop timeout; the runner kills and removes it.
        return judge(promise, init, report(c, grading.reapWindow()), grading, c.seen(table));
    }

    /** The orphans the events tell of. */
    static OrphanReport report(PromiseContainer c, Duration window) {
        List<OrphanReport.Orphan> orphans = new ArrayList<>();
        c.events()
                .all(Event.OrphanReaped.class)
                .forEach(e -> orphans.add(new OrphanReport.Orphan(
                        e.pid(),
                        e.adoptedBy(),
                        Optional.of(Duration.ofNanos(e.afterMicros() * 1000)),
                        Optional.empty())));
        c.events()
                .all(Event.OrphanUnreaped.class)
                .forEach(
                        e -> orphans.add(new OrphanReport.Orphan(e.pid(), e.adoptedBy(), Optional.empty(), e.state())));
        return new OrphanReport(orphans, window);
    }

    /** Reaped, slowly or not, or left; the evidence quotes what the init said about PID 1, if it said anything. */
    static PromiseVerdict judge(
            Promise promise, ReaperUnderTest init, OrphanReport report, Grading grading, PromiseVerdict.Seen seen) {
        if (report.orphans().size() != COUNT) {
            throw new IllegalStateException("zl-helper told of "
                    + report.orphans().size() + " of its " + COUNT + " orphans; its log:\n" + seen.containerLog());
        }
        Optional<Duration> slowest = report.slowestReap();
        // The rule the library's reapedWithin() applies too.
        PromiseOutcome outcome =
                switch (report.ending(grading.promptWithin())) {
                    case LEFT_ZOMBIES -> PromiseOutcome.LEFT_ZOMBIES;
                    case REAPED_SLOWLY -> PromiseOutcome.REAPED_SLOWLY;
                    case REAPED -> PromiseOutcome.REAPED;
                };
        return PromiseVerdict.timed(
                init,
                promise,
                outcome,
                report.unreaped() > 0 ? Optional.empty() : slowest,
                report.summary() + bound(outcome, grading) + warning(seen.containerLog()),
                seen);
    }

    private static String bound(PromiseOutcome outcome, Grading grading) {
        return outcome == PromiseOutcome.REAPED_SLOWLY
                ? " (the bound: " + PromiseVerdict.millis(grading.promptWithin()) + ")"
                : "";
    }

    /** What the init itself said about PID 1 (tini warns when it is neither PID 1 nor a sub-reaper). */
    private static String warning(String log) {
        return NotPid1Warning.in(log).map(l -> "; the init warned: " + l).orElse("");
    }
}
