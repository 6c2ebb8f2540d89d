package io.zombielab.report;

import io.zombielab.promise.PromiseOutcome;
import io.zombielab.promise.PromiseVerdict;
import java.util.List;

/** `validate --json`: every promise of the init with what was expected, what was seen, and the evidence. */
public final class PromiseJson {

    /** The document: the init, whether it kept every judged promise, and each promise's row. */
    public record Document(String init, String image, boolean allKept, String observedBy, List<String> errors,
                           List<Row> promises) {
    }

    /** One promise: judged (expected) or only reported, kept or not, what was seen and the evidence. */
    public record Row(String promise, boolean judged, boolean holds, String expected, String observed, String evidence) {
    }

    private PromiseJson() {
    }

    public static String render(String init, String image, List<PromiseVerdict> verdicts, List<String> errors) {
        return ReportJson.write(new Document(init, image, errors.isEmpty() && verdicts.stream().allMatch(PromiseVerdict::holds),
                ProbeModes.describe(verdicts.stream().flatMap(v -> v.seen().probe().stream()).toList()), errors,
                verdicts.stream().map(v -> new Row(v.promise().id(), v.expected().isPresent(), v.holds(),
                        v.expected().map(PromiseOutcome::text).orElse(null), v.observed().text(), v.evidence())).toList()));
    }
}
