package io.zombielab.promise;

import static org.awaitility.Awaitility.await;

import io.zombielab.fixture.Event;
import io.zombielab.probe.ProcessTable;
import io.zombielab.probe.Signal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The init forwards to its child each signal tini forwards (tini's test suite sends them one by one): not only
 * docker stop's SIGTERM, but `docker kill -s HUP` (nginx's reload), SIGINT (Ctrl-C in `docker run -it`), SIGQUIT
 * (a JVM's thread dump), SIGUSR1/SIGUSR2 (log reopening) and SIGWINCH (a terminal resized). Each is sent to PID 1;
 * the child reports each as it comes and keeps waiting for the next. It sits beside forwards-sigterm, which
 * judges the stop itself (the container gone, promptly): here no signal ends the child, so every one can be seen.
 */
final class ForwardsSignals extends StatedPromise {

    /** SIGTERM last: an init that ends on it ends the check after the others were seen. */
    static final List<Signal> SENT =
            List.of(Signal.INT, Signal.HUP, Signal.QUIT, Signal.USR1, Signal.USR2, Signal.WINCH, Signal.TERM);

    ForwardsSignals() {
        super(
                "forwards-signals",
                "forwards each signal tini forwards (TERM, INT, HUP, QUIT, USR1, USR2, WINCH) to its child, promptly",
                grading -> new PromiseSetup.ChildOfInit(List.of("signals"), false));
    }

    @Override
    public PromiseVerdict check(PromiseContainer c, ReaperUnderTest init, Grading grading) {
        c.awaitEvent(Event.SignalsReady.class);
        String table = ProcessTable.format(c.snapshot());
        Map<Signal, Instant> sent = new LinkedHashMap<>();
        Optional<EndedEarly> ended = Optional.empty();
        for (Signal s : SENT) {
            Instant at = Instant.now();
            try {
                c.signal(s);
                sent.put(s, at);
            } catch (RuntimeException refused) {
                // The engine refuses to signal a container that has ended: PID 1 died of (or exited on) an earlier
                // signal, and the rest can never reach the child. Anything else is no verdict.
                Optional<Long> code = c.exitCode();
                if (code.isEmpty() || sent.isEmpty()) {
                    throw refused;
                }
                ended = Optional.of(new EndedEarly(
                        List.copyOf(sent.keySet()).get(sent.size() - 1),
                        code.get(),
                        SENT.subList(sent.size(), SENT.size())));
                break;
            }
        }
        try {
            // A lost signal is a verdict too: the window is the one after which an orphan counts as never reaped.
            await().atMost(grading.reapWindow())
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> c.eventsNow().all(Event.SignalReceived.class).stream()
                                    .map(Event.SignalReceived::signal)
                                    .distinct()
                                    .count()
                            >= SENT.size());
        } catch (ConditionTimeoutException lost) {
            // judged below: the ones that never came are lost
        }
        return judge(init, sent, ended, c.eventsNow().all(Event.SignalReceived.class), grading, c.seen(table));
    }

    /** PID 1 ended after {@code after} (with {@code exitCode}), so {@code unsent} were never sent. */
    record EndedEarly(Signal after, long exitCode, List<Signal> unsent) {
        EndedEarly {
            unsent = List.copyOf(unsent);
        }
    }

    PromiseVerdict judge(
            ReaperUnderTest init,
            Map<Signal, Instant> sent,
            List<Event.SignalReceived> received,
            Grading grading,
            PromiseVerdict.Seen seen) {
        return judge(init, sent, Optional.empty(), received, grading, seen);
    }

    /**
     * Every signal received within the bound: forwarded; one later: slowly; any never, or never sent because PID 1
     * had ended: lost.
     */
    PromiseVerdict judge(
            ReaperUnderTest init,
            Map<Signal, Instant> sent,
            Optional<EndedEarly> ended,
            List<Event.SignalReceived> received,
            Grading grading,
            PromiseVerdict.Seen seen) {
        List<String> each = new ArrayList<>();
        List<Signal> lost = new ArrayList<>();
        Duration slowest = Duration.ZERO;
        for (Map.Entry<Signal, Instant> s : sent.entrySet()) {
            Optional<Event.SignalReceived> got =
                    received.stream().filter(r -> r.signal() == s.getKey()).findFirst();
            if (got.isEmpty()) {
                lost.add(s.getKey());
                each.add(s.getKey() + " lost");
                continue;
            }
            Instant at = Instant.EPOCH.plus(got.get().atMicros(), ChronoUnit.MICROS);
            Duration took = Duration.between(s.getValue(), at).isNegative()
                    ? Duration.ZERO
                    : Duration.between(s.getValue(), at);
            slowest = took.compareTo(slowest) > 0 ? took : slowest;
            each.add(s.getKey() + " " + PromiseVerdict.millis(took));
        }
        ended.ifPresent(e -> e.unsent().forEach(u -> {
            lost.add(u);
            each.add(u + " never sent");
        }));
        int total = sent.size() + ended.map(e -> e.unsent().size()).orElse(0);
        PromiseOutcome outcome = !lost.isEmpty()
                ? PromiseOutcome.SIGNALS_LOST
                : grading.prompt(slowest) ? PromiseOutcome.FORWARDED_EVERY : PromiseOutcome.FORWARDED_EVERY_SLOWLY;
        String summary = lost.isEmpty()
                ? "the child got all " + total + " signals"
                : "the child got " + (total - lost.size()) + " of " + total + " signals, lost: " + lost
                        + ended.map(e -> " (PID 1 ended, exit code " + e.exitCode() + ", after " + e.after()
                                        + ": the rest could not be sent)")
                                .orElse(" (waited " + grading.reapWindow().toMillis() + " ms)");
        return PromiseVerdict.timed(
                init,
                this,
                outcome,
                lost.isEmpty() ? Optional.of(slowest) : Optional.empty(),
                summary + "; sent to PID 1, received by the child after: " + String.join(", ", each),
                seen);
    }
}
