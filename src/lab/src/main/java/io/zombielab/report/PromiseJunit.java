package io.zombielab.report;

import io.zombielab.promise.Promise;
import io.zombielab.promise.PromiseOutcome;
import io.zombielab.promise.PromiseVerdict;
import io.zombielab.promise.ReaperUnderTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code validate} as JUnit XML: one test suite for the init ({@code zombielab.validate.tini}), a test case per
 * promise named by its id. A broken promise is a failure: expected against observed in its message, the
 * explanation and the process table the promise was judged on in its text. A promise measured but not judged
 * (no expectation for this init) passes, and its system-out says what was observed. A promise that could not be
 * checked is an error with the reason validate printed.
 */
public final class PromiseJunit {

    static final String BROKEN = "PromiseBroken";
    static final String NOT_CHECKED = "NotChecked";

    private PromiseJunit() {
    }

    /**
     * @param verdicts the promises checked
     * @param problems what validate printed as wrong: broken promises' explanations and promises that could not be
     *                 checked ("tini: 'reaps-orphans' could not be checked: ..."), the only record of the latter's reason
     * @param started  when validate started; {@code took} how long it ran (the promises are not timed one by one)
     */
    public static JunitReport report(ReaperUnderTest init, List<PromiseVerdict> verdicts, List<String> problems,
                                     Instant started, Duration took, String hostname) {
        String classname = classname(init.name());
        Set<String> explained = verdicts.stream().map(PromiseVerdict::explain).collect(Collectors.toSet());
        List<String> notChecked = problems.stream().filter(p -> !explained.contains(p)).toList();
        Set<String> ids = new LinkedHashSet<>();
        init.promises().forEach(p -> ids.add(p.id()));
        verdicts.forEach(v -> ids.add(v.promise().id()));
        List<JunitReport.Case> cases = new ArrayList<>();
        for (String id : ids) {
            Optional<PromiseVerdict> verdict = verdicts.stream().filter(v -> v.promise().id().equals(id)).findFirst();
            if (verdict.isPresent()) {
                cases.add(testCase(classname, verdict.get()));
                continue;
            }
            List<String> why = notChecked.stream().filter(p -> p.contains("'" + id + "'")).toList();
            if (!why.isEmpty()) {
                cases.add(new JunitReport.Case(classname, id, Optional.empty(), new JunitReport.Result.Errored(
                        why.get(0).lines().findFirst().orElse(""), NOT_CHECKED, String.join("\n", why)), ""));
            }
            // neither checked nor failed to be: this run did not include the promise
        }
        String observedBy = ProbeModes.describe(verdicts.stream().flatMap(v -> v.seen().probe().stream()).toList());
        JunitReport.Suite suite = new JunitReport.Suite(classname, hostname, started, took, Map.of("zombielab.init", init.name(),
                "zombielab.image", init.image(), "zombielab.entrypoint", init.entrypoint().map(List::toString)
                        .orElse("the image's"), "zombielab.observed-by", observedBy), cases);
        return new JunitReport("zombielab validate " + init.name(), took, List.of(suite));
    }

    /** "zombielab.validate.tini"; a dot in the init's name ("my/app:1.2") would split it into a package. */
    static String classname(String initName) {
        return "zombielab.validate." + initName.replace('.', '_');
    }

    private static JunitReport.Case testCase(String classname, PromiseVerdict v) {
        Promise promise = v.promise();
        String observed = v.observed().text();
        JunitReport.Result result;
        String said;
        if (v.expected().isEmpty()) {
            result = new JunitReport.Result.Passed();
            said = "reported, not judged (no expectation for " + v.init().name() + "): observed " + observed + "; " + v.evidence();
        } else if (v.holds()) {
            result = new JunitReport.Result.Passed();
            said = "kept: expected " + expected(v) + ", observed " + observed + "; " + v.evidence();
        } else {
            result = new JunitReport.Result.Failed(v.init().name() + " breaks '" + promise.id() + "' (" + promise.meaning()
                    + "): expected " + expected(v) + ", observed " + observed, BROKEN, v.explain());
            said = "broken: expected " + expected(v) + ", observed " + observed + "; " + v.evidence();
        }
        PromiseVerdict.Seen seen = v.seen();
        String container = seen.exitCode().map(code -> "\nthe container's exit code: " + code).orElse("")
                + (seen.containerLog().isBlank() ? "" : "\nthe container's log:\n" + seen.containerLog().stripTrailing());
        return new JunitReport.Case(classname, promise.id(), Optional.empty(), result, said + container + "\n");
    }

    private static String expected(PromiseVerdict v) {
        return v.expected().map(PromiseOutcome::text).orElse("(not judged)");
    }
}
