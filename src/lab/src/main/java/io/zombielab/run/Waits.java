package io.zombielab.run;

import static org.awaitility.Awaitility.await;

import io.zombielab.observe.ChainLedger;
import io.zombielab.probe.Probe;
import io.zombielab.probe.ProcessTable;
import io.zombielab.scenario.Scenario;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.awaitility.core.ConditionTimeoutException;

/** The cell's waits: each returns what it waited for, or fails naming the cell, what was pending and the table. */
final class Waits {

    private static final Duration POLL = Duration.ofMillis(50);

    private final Scenario scenario;
    private final Probe probe;
    private final ChainLedger ledger;

    Waits(Scenario scenario, Probe probe, ChainLedger ledger) {
        this.scenario = scenario;
        this.probe = probe;
        this.ledger = ledger;
    }

    /** Looks until nothing is pending; returns what the last look saw. */
    <T> T until(String what, Duration atMost, Supplier<Look<T>> look) {
        // Kept for the timeout's message only: Awaitility does not hand the last value to its exception.
        AtomicReference<Look<T>> last = new AtomicReference<>();
        try {
            return await(scenario.id() + ": " + what)
                    .atMost(atMost)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(POLL)
                    .until(
                            () -> {
                                Look<T> l = look.get();
                                last.set(l);
                                return l;
                            },
                            l -> l.pending().isEmpty())
                    .seen();
        } catch (ConditionTimeoutException e) {
            String pending = last.get() == null ? "" : last.get().pending().orElse("");
            throw new ScenarioTimeoutException(
                    "scenario " + scenario + ": waited " + duration(atMost) + " for " + what + "; still pending: "
                            + pending + "\n" + table(),
                    e);
        }
    }

    private String table() {
        try {
            return ProcessTable.format(probe.snapshot(), ledger::chainOf);
        } catch (RuntimeException probeFailure) {
            return "(no process table: " + probeFailure.getMessage() + ")";
        }
    }

    private static String duration(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
