package io.zombielab.verdict;

import io.zombielab.observe.PromiseObservation;
import io.zombielab.scenario.PromiseOutcome;
import java.time.Duration;
import java.util.Optional;

/** Reads what a promise check saw as an outcome, and compares it with the init's expected outcome. */
public final class PromiseJudge {

    /** A child that got the forwarded SIGTERM stops at once; a stop this slow was ended by the engine's SIGKILL. */
    static final Duration PROMPT_STOP = Duration.ofSeconds(5);

    private PromiseJudge() {
    }

    public static PromiseVerdict judge(PromiseObservation o) {
        Optional<PromiseOutcome> expected = Optional.ofNullable(o.reaper().expected().get(o.promise()));
        String exit = o.exitCode().map(c -> "exit code " + c).orElse("still running");
        String stop = o.stopLatency().map(d -> "docker stop took " + d.toMillis() + " ms").orElse("");
        return switch (o.promise()) {
            case REAPS_ORPHANS, SUB_REAPER -> new PromiseVerdict(o,
                    o.zombies() == 0 ? PromiseOutcome.REAPED : PromiseOutcome.LEFT_ZOMBIES, expected,
                    o.zombies() + " zombies after the orphans exited" + warning(o));
            case PASSES_EXIT_CODE -> exitCode(o, expected, 7, exit);
            case PASSES_SIGNAL_DEATH -> exitCode(o, expected, 128 + 15, exit);
            case FORWARDS_SIGTERM -> new PromiseVerdict(o,
                    o.signalled() > 0 && o.stopLatency().orElse(Duration.ZERO).compareTo(PROMPT_STOP) < 0
                            ? PromiseOutcome.FORWARDED : PromiseOutcome.NOT_FORWARDED,
                    expected, (o.signalled() > 0 ? "the child got SIGTERM" : "the child got no SIGTERM") + "; " + stop + "; " + exit);
            case SIGNAL_REACH -> new PromiseVerdict(o,
                    o.signalled() >= o.groupSize() ? PromiseOutcome.WHOLE_GROUP
                            : o.signalled() > 0 ? PromiseOutcome.CHILD_ONLY : PromiseOutcome.NOT_FORWARDED,
                    expected, o.signalled() + " of the " + o.groupSize() + " processes of the child's group got SIGTERM; " + stop);
            case OWN_GROUPS_UNREACHED -> new PromiseVerdict(o,
                    o.signalled() == 0 ? PromiseOutcome.UNREACHED : PromiseOutcome.REACHED, expected,
                    o.signalled() + " of " + (o.groupSize() - 1) + " children in their own groups got SIGTERM; " + stop);
        };
    }

    /** What the init itself said about PID 1 (tini warns when it is neither PID 1 nor a sub-reaper). */
    private static String warning(PromiseObservation o) {
        return o.containerLog().lines().filter(l -> !l.contains("zombielab-event") && l.contains("PID 1"))
                .findFirst().map(l -> "; the init warned: " + l.trim()).orElse("");
    }

    private static PromiseVerdict exitCode(PromiseObservation o, Optional<PromiseOutcome> expected, long want, String exit) {
        return new PromiseVerdict(o, o.exitCode().filter(c -> c == want).isPresent()
                ? PromiseOutcome.EXIT_CODE_PASSED : PromiseOutcome.EXIT_CODE_LOST, expected,
                "the child exited " + (want == 7 ? "7" : "by SIGTERM (want 143)") + ", the container: " + exit);
    }
}
