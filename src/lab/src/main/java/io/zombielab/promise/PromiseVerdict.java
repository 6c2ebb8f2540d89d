package io.zombielab.promise;

import io.zombielab.probe.ProbeMode;
import java.util.Optional;

/**
 * One promise of one init: what it showed, what was expected (none: reported, not judged), the evidence in
 * words, and what the promise's container showed.
 */
public record PromiseVerdict(ReaperUnderTest init, Promise promise, PromiseOutcome observed, Optional<PromiseOutcome> expected,
                             String evidence, Seen seen) {

    /**
     * What every promise's container showed, whichever the promise.
     *
     * @param exitCode     the container's exit code, once it ended
     * @param processTable the process table at the moment of judgement ("" where the promise looks at none)
     * @param containerLog everything the container printed
     * @param probe        how the container was observed; empty for the checks that only read its exit code
     */
    public record Seen(Optional<Long> exitCode, String processTable, String containerLog, Optional<ProbeMode> probe) {
    }

    /** A verdict against the init's own expectation of this promise, if it has one. */
    static PromiseVerdict of(ReaperUnderTest init, Promise promise, PromiseOutcome observed, String evidence, Seen seen) {
        return new PromiseVerdict(init, promise, observed, init.expected(promise), evidence, seen);
    }

    public boolean holds() {
        return expected.map(observed::equals).orElse(true);
    }

    /** What a failed check shows: the init, the promise, expected against observed, and the process table. */
    public String explain() {
        return init.name() + " " + (holds() ? "keeps" : "BREAKS") + " '" + promise.id() + "' (" + promise.meaning()
                + "): expected " + expected.map(PromiseOutcome::text).orElse("(not judged)") + ", observed " + observed.text()
                + "; " + evidence + (seen.processTable().isEmpty() ? "" : "\n" + seen.processTable());
    }
}
