package io.zombielab.promise;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A Job's container (a Job or a CronJob's job, run once) reaps what it orphans while it runs: its own processes,
 * not orphans zombielab makes, watched from its start to its own end. A zombie adopted by PID 1 that stays the
 * reap window, or is still there at the last look having stayed longer than the bound, was left; one reaped later
 * than the bound was reaped slowly. A zombie younger than the bound at the last look is not judged: it had no time.
 */
final class ReapsWhileRunning extends StatedPromise {

    ReapsWhileRunning() {
        super(
                "reaps-while-running",
                "its PID 1 reaps what the Job orphans while it runs, promptly",
                grading -> new PromiseSetup.AsShipped());
    }

    @Override
    public PromiseVerdict check(PromiseContainer c, ReaperUnderTest init, Grading grading) {
        JobTerms job = JobWatch.termsOf(init);
        JobWatch.Watched w = JobWatch.watch(c, job);
        if (w.looks() == 0) {
            // A check that could not look is never a pass.
            throw new IllegalStateException(
                    init.name() + " ended before validate could read its process table once (it ran " + w.ran()
                            + "): nothing to judge its reaping on");
        }
        Duration bound = grading.promptWithin();
        List<JobWatch.Zombie> left = w.zombies().stream()
                .filter(z -> z.age().compareTo(grading.reapWindow()) >= 0
                        || (z.atEnd() && z.age().compareTo(bound) > 0))
                .toList();
        List<JobWatch.Zombie> reaped =
                w.zombies().stream().filter(z -> !z.atEnd()).toList();
        long young =
                w.zombies().stream().filter(z -> z.atEnd() && !left.contains(z)).count();
        Optional<Duration> slowest = reaped.stream().map(JobWatch.Zombie::age).max(Comparator.naturalOrder());
        PromiseOutcome outcome = !left.isEmpty()
                ? PromiseOutcome.LEFT_ZOMBIES
                : slowest.filter(s -> s.compareTo(bound) > 0).isPresent()
                        ? PromiseOutcome.REAPED_SLOWLY
                        : PromiseOutcome.REAPED;
        String how = w.ended()
                .map(e -> "it ended by itself after " + w.ran() + " (exit code " + e.exitCode() + ")")
                .orElse("still running at " + job.describeDeadline());
        String evidence = w.looks() + " looks at its process table while it ran; " + how + ": "
                + (w.zombies().isEmpty()
                        ? "no zombie adopted by PID 1 seen"
                        : w.zombies().size() + " zombie" + (w.zombies().size() == 1 ? "" : "s")
                                + " adopted by PID 1 seen"
                                + (reaped.isEmpty()
                                        ? ""
                                        : ", " + reaped.size() + " reaped (the slowest seen for "
                                                + PromiseVerdict.millis(slowest.get()) + ")")
                                + (left.isEmpty()
                                        ? ""
                                        : ", " + left.size() + " left as zombies ("
                                                + left.stream()
                                                        .map(z -> z.process().comm() + " for "
                                                                + PromiseVerdict.millis(z.age()))
                                                        .distinct()
                                                        .collect(Collectors.joining(", "))
                                                + ")")
                                + (young == 0
                                        ? ""
                                        : ", " + young + " seen only at its end, younger than the bound: not judged"))
                + (outcome == PromiseOutcome.REAPED_SLOWLY ? " (the bound: " + PromiseVerdict.millis(bound) + ")" : "");
        return PromiseVerdict.timed(
                init, this, outcome, left.isEmpty() ? slowest : Optional.empty(), evidence, c.seen(w.table()));
    }
}
