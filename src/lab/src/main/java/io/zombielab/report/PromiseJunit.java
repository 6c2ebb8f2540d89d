package io.zombielab.report;

import io.zombielab.promise.Promise;
import io.zombielab.promise.PromiseOutcome;
import io.zombielab.promise.PromiseResult;
import io.zombielab.promise.PromiseVerdict;
import io.zombielab.promise.ReaperUnderTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code validate} as JUnit XML: one test suite for the init ({@code zombielab.validate.tini}), a test case per
 * promise named by its id. A broken promise is a failure, a slow one too (of its own type): expected against
 * observed in its message, the explanation and the process table the promise was judged on in its text. A
 * promise measured but not judged (no expectation for this init) passes, and its system-out says what was
 * observed. A promise that could not be checked is an error with the reason.
 */
public final class PromiseJunit {

    static final String BROKEN = "PromiseBroken";
    static final String SLOW = "PromiseSlow";
    static final String NOT_CHECKED = "NotChecked";

    private PromiseJunit() {}

    /** @param started when validate started; {@code took} how long it ran (the promises ran at once, not one by one) */
    public static JunitReport report(ValidateReport report, Instant started, Duration took, String hostname) {
        ReaperUnderTest init = report.subject();
        String classname = classname(init.name());
        List<JunitReport.Case> cases = new ArrayList<>();
        for (PromiseResult result : report.results()) {
            if (result instanceof PromiseResult.Judged judged) {
                cases.add(testCase(classname, judged.verdict()));
            } else if (result instanceof PromiseResult.NotChecked not) {
                cases.add(new JunitReport.Case(
                        classname,
                        not.promise().id(),
                        Optional.empty(),
                        new JunitReport.Result.Errored(
                                not.explain().lines().findFirst().orElse(""), NOT_CHECKED, not.explain()),
                        ""));
            }
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("zombielab.init", init.name());
        properties.put("zombielab.image", init.image());
        properties.put("zombielab.launch", init.launch().describe());
        properties.put("zombielab.grade", report.grade().name());
        properties.put(
                "zombielab.latency-bound-ms",
                Long.toString(report.grading().promptWithin().toMillis()));
        properties.put(
                "zombielab.observed-by",
                ProbeModes.describe(report.verdicts().stream()
                        .flatMap(v -> v.seen().probe().stream())
                        .toList()));
        JunitReport.Suite suite = new JunitReport.Suite(classname, hostname, started, took, properties, cases);
        return new JunitReport("zombielab validate " + init.name(), took, List.of(suite));
    }

    /** "zombielab.validate.tini"; a dot in the init's name ("my/app:1.2") would split it into a package. */
    static String classname(String initName) {
        return "zombielab.validate." + initName.replace('.', '_');
    }

    private static JunitReport.Case testCase(String classname, PromiseVerdict v) {
        Promise promise = v.promise();
        String observed = v.observed().text()
                + v.latency().map(l -> " (" + v.latencyText() + ")").orElse("");
        String headline = v.init().name() + " "
                + switch (v.grade()) {
                    case SLOW -> "is slow to keep";
                    case BROKEN -> "breaks";
                    case KEPT, REPORTED -> "keeps";
                    case NOT_APPLICABLE -> "is not held to";
                }
                + " '" + promise.id() + "' (" + promise.meaning() + "): expected " + expected(v) + ", observed "
                + observed;
        JunitReport.Result result =
                switch (v.grade()) {
                    case KEPT, REPORTED -> new JunitReport.Result.Passed();
                    case SLOW -> new JunitReport.Result.Failed(headline, SLOW, v.explain());
                    case BROKEN -> new JunitReport.Result.Failed(headline, BROKEN, v.explain());
                    case NOT_APPLICABLE -> new JunitReport.Result.Skipped("not applicable: " + v.evidence());
                };
        String said =
                switch (v.grade()) {
                            case REPORTED ->
                                "reported, not judged (no expectation for "
                                        + v.init().name() + "): observed " + observed;
                            case KEPT -> "kept: expected " + expected(v) + ", observed " + observed;
                            case SLOW -> "slow: expected " + expected(v) + ", observed " + observed;
                            case BROKEN -> "broken: expected " + expected(v) + ", observed " + observed;
                            case NOT_APPLICABLE -> "not applicable";
                        }
                        + "; " + v.evidence();
        PromiseVerdict.Seen seen = v.seen();
        String container = seen.exitCode()
                        .map(code -> "\nthe container's exit code: " + code)
                        .orElse("")
                + (seen.containerLog().isBlank()
                        ? ""
                        : "\nthe container's log:\n" + seen.containerLog().stripTrailing());
        return new JunitReport.Case(classname, promise.id(), Optional.empty(), result, said + container + "\n");
    }

    private static String expected(PromiseVerdict v) {
        return v.expected().map(PromiseOutcome::text).orElse("(not judged)");
    }
}
