package io.zombielab.report;

import io.zombielab.probe.SecretMask;
import io.zombielab.promise.ConfigReading;
import io.zombielab.promise.PromiseOutcome;
import io.zombielab.promise.PromiseVerdict;
import java.util.List;
import java.util.Optional;

/**
 * `validate --json`: every promise with what was expected, what was seen, its grade, latency and the evidence;
 * for an image as it ships, what its config predicted.
 */
public final class PromiseJson {

    /** The document: the init, whether it kept every judged promise, and each promise's row. */
    public record Document(
            String init,
            String image,
            String launch,
            boolean allKept,
            String grade,
            long latencyBoundMs,
            String observedBy,
            Optional<Config> config,
            List<String> errors,
            List<Row> promises) {}

    /** One promise: judged (expected) or only reported, its grade, what was seen and the evidence. */
    public record Row(
            String promise,
            boolean judged,
            boolean holds,
            String grade,
            String expected,
            String observed,
            Double latencyMs,
            String evidence) {}

    /** What the image config says and predicts. */
    public record Config(
            List<String> entrypoint,
            List<String> cmd,
            String stopSignal,
            String user,
            String platform,
            List<String> pid1,
            boolean shellForm,
            String reaps,
            String stops,
            String why,
            String fix,
            List<String> disagreements) {}

    private PromiseJson() {}

    public static String render(ValidateReport report) {
        return ReportJson.write(document(report));
    }

    /** The document, for a fleet's report to hold one per image. */
    public static Document document(ValidateReport report) {
        List<PromiseVerdict> verdicts = report.verdicts();
        return (new Document(
                report.subject().name(),
                report.subject().image(),
                report.subject().launch().describe(),
                report.allHold(),
                report.grade().name(),
                report.grading().promptWithin().toMillis(),
                ProbeModes.describe(verdicts.stream()
                        .flatMap(v -> v.seen().probe().stream())
                        .toList()),
                report.reading().map(r -> config(r, verdicts)),
                report.errors(),
                verdicts.stream().map(PromiseJson::row).toList()));
    }

    private static Row row(PromiseVerdict v) {
        return new Row(
                v.promise().id(),
                v.expected().isPresent(),
                v.holds(),
                v.grade().name(),
                v.expected().map(PromiseOutcome::text).orElse(null),
                v.observed().text(),
                v.latency().map(d -> d.toNanos() / 1e6).orElse(null),
                v.evidence());
    }

    private static Config config(ConfigReading r, List<PromiseVerdict> verdicts) {
        return new Config(
                SecretMask.argv(r.config().entrypoint()),
                SecretMask.argv(r.config().cmd()),
                r.config().stopSignal().orElse(null),
                r.config().userOrRoot(),
                r.config().platform().toString(),
                SecretMask.argv(r.pid1()),
                r.shellForm(),
                r.reaps().toString(),
                r.stops().toString(),
                r.why(),
                r.fix().orElse(null),
                r.disagreements(verdicts));
    }
}
