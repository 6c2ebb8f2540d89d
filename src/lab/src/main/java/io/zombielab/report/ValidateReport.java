package io.zombielab.report;

import io.zombielab.promise.ConfigReading;
import io.zombielab.promise.Grading;
import io.zombielab.promise.PromiseGrade;
import io.zombielab.promise.PromiseResult;
import io.zombielab.promise.PromiseVerdict;
import io.zombielab.promise.ReaperUnderTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What `validate` found for one init or image: each promise's result, graded; the whole is GOOD (every judged
 * promise kept), SLOW (kept, but late: the only failures are slowness) or BROKEN (a promise broken, or one
 * that could not be checked: a check that could not look is never a pass).
 */
public record ValidateReport(
        ReaperUnderTest subject, Grading grading, Optional<ConfigReading> reading, List<PromiseResult> results) {

    /** The whole init's grade. */
    public enum Overall {
        GOOD,
        SLOW,
        BROKEN
    }

    public ValidateReport {
        results = List.copyOf(results);
    }

    public List<PromiseVerdict> verdicts() {
        return results.stream()
                .flatMap(r -> r instanceof PromiseResult.Judged j
                        ? java.util.stream.Stream.of(j.verdict())
                        : java.util.stream.Stream.empty())
                .toList();
    }

    /** Every promise that was not kept, explained, and every one that could not be checked. */
    public List<String> errors() {
        List<String> errors = new ArrayList<>();
        for (PromiseResult r : results) {
            if (r instanceof PromiseResult.NotChecked not) {
                errors.add(not.explain());
            } else if (r instanceof PromiseResult.Judged j && !j.verdict().holds()) {
                errors.add(j.verdict().explain());
            }
        }
        return errors;
    }

    public Overall grade() {
        boolean broken = results.stream().anyMatch(r -> r instanceof PromiseResult.NotChecked)
                || verdicts().stream().anyMatch(v -> v.grade() == PromiseGrade.BROKEN);
        return broken
                ? Overall.BROKEN
                : verdicts().stream().anyMatch(v -> v.grade() == PromiseGrade.SLOW) ? Overall.SLOW : Overall.GOOD;
    }

    public boolean allHold() {
        return grade() == Overall.GOOD;
    }

    /** "GOOD: 5 of 5 judged promises kept", "SLOW: 4 of 5 kept, 1 slow (bound 1000 ms)", ... */
    public String summary() {
        long notApplicable = verdicts().stream()
                .filter(v -> v.grade() == PromiseGrade.NOT_APPLICABLE)
                .count();
        long judged = results.stream()
                        .filter(r -> subject.expected(r.promise()).isPresent())
                        .count()
                - notApplicable;
        long kept =
                verdicts().stream().filter(v -> v.grade() == PromiseGrade.KEPT).count();
        long slow =
                verdicts().stream().filter(v -> v.grade() == PromiseGrade.SLOW).count();
        long broken = verdicts().stream()
                .filter(v -> v.grade() == PromiseGrade.BROKEN)
                .count();
        long unchecked = results.stream()
                .filter(r -> r instanceof PromiseResult.NotChecked)
                .count();
        StringBuilder s = new StringBuilder(grade() + ": " + kept + " of " + judged + " judged promises kept");
        if (slow > 0) {
            s.append(", ")
                    .append(slow)
                    .append(" slow (bound ")
                    .append(grading.promptWithin().toMillis())
                    .append(" ms)");
        }
        if (broken > 0) {
            s.append(", ").append(broken).append(" broken");
        }
        if (notApplicable > 0) {
            s.append(", ").append(notApplicable).append(" not applicable");
        }
        if (unchecked > 0) {
            s.append(", ").append(unchecked).append(" could not be checked");
        }
        return s.toString();
    }

    public String table() {
        StringBuilder out = new StringBuilder("\nzombielab validate: " + subject.name() + " (image " + subject.image()
                + ", " + subject.launch().describe() + (subject.engineInit() ? ", with the engine's init" : "")
                + ")\n");
        reading.ifPresent(r -> r.lines().forEach(l -> out.append(l).append('\n')));
        out.append("observed by the ")
                .append(ProbeModes.describe(verdicts().stream()
                        .flatMap(v -> v.seen().probe().stream())
                        .toList()))
                .append("\n\n");
        out.append(PromiseTable.render(verdicts()));
        errors().forEach(e -> out.append('\n').append(e).append('\n'));
        reading.ifPresent(r -> {
            r.disagreements(verdicts()).forEach(d -> out.append('\n').append(d).append('\n'));
            if (grade() != Overall.GOOD) {
                r.fix().ifPresent(f -> out.append("\nfix: ").append(f).append('\n'));
            }
        });
        return out.append('\n').append(summary()).append('\n').toString();
    }

    public String json() {
        return PromiseJson.render(this);
    }
}
