package io.zombielab.verdict;

import io.zombielab.observe.PromiseObservation;
import io.zombielab.scenario.PromiseOutcome;
import java.util.Optional;

/**
 * One promise of one init: what it showed, what was expected (none: reported, not judged), and the
 * evidence in words.
 */
public record PromiseVerdict(PromiseObservation observation, PromiseOutcome observed, Optional<PromiseOutcome> expected,
                             String evidence) {

    public boolean holds() {
        return expected.map(observed::equals).orElse(true);
    }

    /** What a failed check shows: the init, the promise, expected against observed, and the process table. */
    public String explain() {
        var o = observation;
        return o.reaper().name() + " " + (holds() ? "keeps" : "BREAKS") + " '" + o.promise().id() + "' ("
                + o.promise().meaning() + "): expected " + expected.map(PromiseOutcome::text).orElse("(not judged)")
                + ", observed " + observed.text() + "; " + evidence
                + (o.processTable().isEmpty() ? "" : "\n" + o.processTable());
    }
}
