package io.zombielab.run;

import io.zombielab.fixture.Chain;
import io.zombielab.observe.ChainLedger;
import io.zombielab.observe.Classifier;
import io.zombielab.observe.CycleSample;
import io.zombielab.observe.EndedEarly;
import io.zombielab.observe.ProcessTree;
import io.zombielab.observe.ScenarioObservation;
import io.zombielab.probe.ProbeMode;
import io.zombielab.probe.ProcessTable;
import io.zombielab.probe.Snapshot;
import io.zombielab.scenario.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one cell's run knows as its cycles go: the chains it stopped, which chain each process belongs to, a
 * sample per settled cycle, the first cycle's tree and table, and the last table it settled on.
 */
final class CellState {

    private final ChainLedger ledger = new ChainLedger();
    private final Set<Chain> stopped = new LinkedHashSet<>();
    private final List<CycleSample> samples = new ArrayList<>();
    private Snapshot first;
    private Snapshot last;
    private ProcessTree tree = ProcessTree.NONE;
    private String upTable = "";

    /** Before the first start: cycle 0's sample. */
    CellState(Snapshot before) {
        first = before;
        last = before;
        samples.add(sample(0, before));
    }

    ChainLedger ledger() {
        return ledger;
    }

    /** The table before the first cycle: its OOM kill count is what later kills are counted from. */
    Snapshot first() {
        return first;
    }

    /** The last table a cycle settled on (before the first cycle: the first table). */
    Snapshot last() {
        return last;
    }

    /** A cycle is up: its processes are attributed; the first cycle's tree and table are kept for the reports. */
    void up(Chain chain, Snapshot snapshot) {
        ledger.record(snapshot);
        if (chain.cycle() == 1) {
            tree = ProcessTree.of(snapshot, chain);
            upTable = ProcessTable.format(snapshot, ledger::chainOf);
        }
    }

    void stopped(Chain chain) {
        stopped.add(chain);
    }

    /** A stopped cycle has settled: it is the cell's latest sample. */
    void settled(Chain chain, Snapshot snapshot) {
        last = snapshot;
        ledger.record(snapshot);
        samples.add(sample(chain.cycle(), snapshot));
    }

    /** A cycle that could not start has unwound: the table to judge on is this one. */
    void lookedAgain(Snapshot snapshot) {
        last = snapshot;
    }

    ScenarioObservation observation(
            Scenario scenario, ProbeMode probe, Optional<EndedEarly> endedEarly, String log, Duration elapsed) {
        return new ScenarioObservation(
                scenario,
                probe,
                samples,
                new ScenarioObservation.End(
                        last, Classifier.classify(last, stopped, ledger), ProcessTable.format(last, ledger::chainOf)),
                new ScenarioObservation.Up(tree, upTable),
                endedEarly,
                log,
                elapsed);
    }

    private CycleSample sample(int cycle, Snapshot snapshot) {
        return new CycleSample(cycle, snapshot.cgroup(), Classifier.classify(snapshot, stopped, ledger));
    }
}
