package io.zombielab.probe;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a graceful stop is, in one place for the library's {@code stoppedGracefully()} and validate's
 * {@code stops-gracefully}: `docker stop` sends the stop signal, waits {@code timeout}, then SIGKILLs. A
 * container that ended by itself with an accepted code (0, or 128+n where n is the stop signal: it died of the
 * stop signal as its default action says, 143 for SIGTERM, 131 for nginx's SIGQUIT) stopped; one that ended by
 * itself with another code stopped, but reported failure (npm's exit 1, say); one that ended 137 once the whole
 * timeout had passed was killed by the engine.
 *
 * @param accepted          the exit codes that count as a clean stop, whatever the stop signal
 * @param stopSignalDeath   whether dying of the stop signal (128+n) counts as a clean stop too
 */
public record StopRule(Set<Integer> accepted, boolean stopSignalDeath) {

    /** 0, or death by the stop signal: what {@code stoppedGracefully()} and validate accept unless told otherwise. */
    public static final StopRule DEFAULT = new StopRule(Set.of(0), true);

    /** Exactly {@code accepted}, whatever the stop signal ({@code stoppedGracefullyWith(int...)}). */
    public StopRule(Set<Integer> accepted) {
        this(accepted, false);
    }

    public StopRule {
        accepted = Set.copyOf(new TreeSet<>(Objects.requireNonNull(accepted, "accepted")));
        if (accepted.isEmpty() && !stopSignalDeath) {
            throw new IllegalArgumentException("a stop rule needs at least one accepted exit code");
        }
        accepted.forEach(code -> {
            if (code < 0 || code > 255) {
                throw new IllegalArgumentException("an exit code is 0..255, not " + code);
            }
        });
    }

    /** This rule with {@code codes} accepted too ({@code --accept-exit-code}, {@code stoppedGracefullyWith}). */
    public StopRule accepting(Set<Integer> codes) {
        Set<Integer> all = new TreeSet<>(accepted);
        all.addAll(codes);
        return new StopRule(all, stopSignalDeath);
    }

    /** The codes that count as clean for {@code stop}: the accepted ones, and 128+its stop signal where that counts. */
    public Set<Integer> acceptedFor(Stop stop) {
        Set<Integer> all = new TreeSet<>(accepted);
        if (stopSignalDeath) {
            all.add(stop.signal().exitCode());
        }
        return all;
    }

    /** How a stop ended. */
    public enum Ending {
        STOPPED,
        REPORTED_FAILURE,
        KILLED_BY_ENGINE,
        STILL_RUNNING
    }

    /**
     * One `docker stop`, as the engine reported it.
     *
     * @param exitCode the container's exit code; empty if it still runs
     * @param took     how long `docker stop` took
     * @param timeout  what the engine waited before its SIGKILL
     * @param signal   the stop signal the engine sent
     */
    public record Stop(Optional<Long> exitCode, Duration took, Duration timeout, StopSignal signal) {
        public Stop {
            Objects.requireNonNull(exitCode, "exitCode");
            Objects.requireNonNull(took, "took");
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(signal, "signal");
        }

        /** A stop by SIGTERM, docker stop's signal unless the image or the run says otherwise. */
        public Stop(Optional<Long> exitCode, Duration took, Duration timeout) {
            this(exitCode, took, timeout, StopSignal.DEFAULT);
        }
    }

    public Ending ending(Stop stop) {
        if (stop.exitCode().isEmpty()) {
            return Ending.STILL_RUNNING;
        }
        long code = stop.exitCode().get();
        if (code == Signal.KILL.exitCode() && stop.took().compareTo(stop.timeout()) >= 0) {
            return Ending.KILLED_BY_ENGINE;
        }
        return acceptedFor(stop).contains((int) code) ? Ending.STOPPED : Ending.REPORTED_FAILURE;
    }

    /** The words both the library and validate use for how the stop ended. */
    public String words(Stop stop) {
        String code = stop.exitCode().map(String::valueOf).orElse("none");
        return switch (ending(stop)) {
            case STOPPED -> "stopped by itself (exit " + code + ")";
            case REPORTED_FAILURE ->
                "stopped, but reported failure (exit " + code + "; accepted: " + acceptedFor(stop) + signalSaid(stop)
                        + ")";
            case KILLED_BY_ENGINE ->
                "did not stop on its stop signal" + signalSaid(stop) + ": the engine killed it after the "
                        + stop.timeout().toSeconds() + " s timeout";
            case STILL_RUNNING -> "still running after docker stop returned";
        };
    }

    /** The stop signal, where it is not docker stop's default: a reader expecting SIGTERM's 143 is told. */
    private static String signalSaid(Stop stop) {
        return stop.signal().equals(StopSignal.DEFAULT) ? "" : ", the stop signal being " + stop.signal();
    }

    @Override
    public Set<Integer> accepted() {
        return new TreeSet<>(accepted);
    }
}
