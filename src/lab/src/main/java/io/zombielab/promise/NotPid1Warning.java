package io.zombielab.promise;

import io.zombielab.fixture.Event;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Not PID 1 (zl-helper's inert init is), does the init say so? tini warns that zombies will not be re-parented to
 * it unless it is given -s (tini.c); catatonit registers as a sub-reaper instead, silently (catatonit.c: "If we
 * aren't pid1, we have to set subreaper or bail"); dumb-init has no sub-reaper mode and says nothing. Reported
 * beside sub-reaper: what a user sees in the logs when an init runs where it cannot reap.
 */
final class NotPid1Warning extends StatedPromise {

    NotPid1Warning() {
        super(
                "not-pid1-warning",
                "not PID 1 and no sub-reaper, warns that it cannot reap (tini does)",
                grading -> new PromiseSetup.ChildOfInit(List.of("exit", "--code", "0"), true));
    }

    /** An init the engine injects is always PID 1. */
    @Override
    public boolean appliesTo(ReaperUnderTest init) {
        return !init.engineInit();
    }

    @Override
    public PromiseVerdict check(PromiseContainer c, ReaperUnderTest init, Grading grading) {
        c.awaitEnd(grading.reapWindow());
        Optional<String> warning = in(c.eventsNow().text());
        return PromiseVerdict.of(
                init,
                this,
                warning.isPresent() ? PromiseOutcome.WARNED : PromiseOutcome.SILENT,
                warning.map(w -> "the init warned: " + w).orElse("the init said nothing about not being PID 1"),
                c.seen(""));
    }

    /** The first line of an init's output (not zl-helper's events) that speaks of PID 1 or of a sub-reaper. */
    static Optional<String> in(String log) {
        return log.lines()
                .filter(l -> !l.contains(Event.PREFIX.trim()))
                .filter(l -> l.contains("PID 1") || l.toLowerCase(Locale.ROOT).contains("subreaper"))
                .findFirst()
                .map(String::trim);
    }
}
