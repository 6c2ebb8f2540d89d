package io.zombielab.promise;

import io.zombielab.probe.ProbeMode;
import java.time.Duration;
import java.util.Optional;

/**
 * One promise of one init: what it showed, what was expected (none: reported, not judged), how long it took
 * (the slowest reap, or the stop), the evidence in words, and what the promise's container showed.
 */
public record PromiseVerdict(
        ReaperUnderTest init,
        Promise promise,
        PromiseOutcome observed,
        Optional<PromiseOutcome> expected,
        Optional<Duration> latency,
        String evidence,
        Seen seen) {

    /**
     * What every promise's container showed, whichever the promise.
     *
     * @param exitCode     the container's exit code, once it ended
     * @param processTable the process table at the moment of judgement ("" where the promise looks at none)
     * @param containerLog everything the container printed
     * @param probe        how the container was observed; empty for the checks that only read its exit code
     */
    public record Seen(Optional<Long> exitCode, String processTable, String containerLog, Optional<ProbeMode> probe) {}

    /** A verdict against the init's own expectation of this promise, if it has one. */
    static PromiseVerdict of(
            ReaperUnderTest init, Promise promise, PromiseOutcome observed, String evidence, Seen seen) {
        return timed(init, promise, observed, Optional.empty(), evidence, seen);
    }

    /** The same, with the latency the promise measured. */
    static PromiseVerdict timed(
            ReaperUnderTest init,
            Promise promise,
            PromiseOutcome observed,
            Optional<Duration> latency,
            String evidence,
            Seen seen) {
        return new PromiseVerdict(init, promise, observed, init.expected(promise), latency, evidence, seen);
    }

    /** A promise that does not apply to what the run showed, and why: never kept, never broken. */
    static PromiseVerdict notApplicable(ReaperUnderTest init, Promise promise, String why, Seen seen) {
        return new PromiseVerdict(
                init, promise, PromiseOutcome.NOT_APPLICABLE, Optional.empty(), Optional.empty(), why, seen);
    }

    public PromiseGrade grade() {
        if (observed == PromiseOutcome.NOT_APPLICABLE) {
            return PromiseGrade.NOT_APPLICABLE;
        }
        if (expected.isEmpty()) {
            return PromiseGrade.REPORTED;
        }
        if (expected.get() == observed) {
            return PromiseGrade.KEPT;
        }
        return observed.promptForm().equals(expected) ? PromiseGrade.SLOW : PromiseGrade.BROKEN;
    }

    public boolean holds() {
        return grade().holds();
    }

    /** What a failed check shows: the init, the promise, expected against observed, and the process table. */
    public String explain() {
        String verb =
                switch (grade()) {
                    case KEPT, REPORTED -> "keeps";
                    case NOT_APPLICABLE -> "is not held to";
                    case SLOW -> "is SLOW to keep";
                    case BROKEN -> "BREAKS";
                };
        return init.name() + " " + verb + " '" + promise.id() + "' (" + promise.meaning() + "): expected "
                + expected.map(PromiseOutcome::text).orElse("(not judged)") + ", observed " + observed.text() + "; "
                + evidence
                + (seen.processTable().isEmpty() ? "" : "\n" + seen.processTable());
    }

    /** "0.4 ms", "2.1 s", or "" where the promise times nothing. */
    public String latencyText() {
        return latency.map(PromiseVerdict::millis).orElse("");
    }

    static String millis(Duration d) {
        double ms = d.toNanos() / 1e6;
        return ms < 1000
                ? String.format(java.util.Locale.ROOT, "%.1f ms", ms)
                : String.format(java.util.Locale.ROOT, "%.2f s", ms / 1000);
    }
}
