package io.zombielab.observe;

import io.zombielab.probe.ProbeMode;
import io.zombielab.probe.Snapshot;
import io.zombielab.scenario.Scenario;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything one run of a scenario saw: a sample per cycle, the final process table and the container's log.
 *
 * @param probe          how the container was observed
 * @param samples        cycle 0 (before the first start) then one per completed cycle
 * @param finalSnapshot  the process table after the last cycle settled
 * @param finalCensus    its classification
 * @param processTable   the final process table as text, chains attributed
 * @param tree           the process tree the first cycle made, as observed once it was up
 * @param upTable        the whole process table at that moment, before the first stop
 * @param endedEarly     why the run ended before its last cycle, if it did: a start that failed, or an OOM kill
 * @param containerLog   everything the container printed
 */
public record ScenarioObservation(
        Scenario scenario,
        ProbeMode probe,
        List<CycleSample> samples,
        Snapshot finalSnapshot,
        Census finalCensus,
        String processTable,
        ProcessTree tree,
        String upTable,
        Optional<EndedEarly> endedEarly,
        String containerLog,
        Duration elapsed) {

    public ScenarioObservation {
        samples = List.copyOf(samples);
    }

    /** Why the run ended early, in words, if it did. */
    public Optional<String> spawnFailure() {
        return endedEarly.map(EndedEarly::reason);
    }

    public int completedCycles() {
        return samples.size() - 1;
    }

    /**
     * Anonymous memory the live orphans hold, per completed cycle, from the process table (RssAnon); an orphan
     * whose RssAnon the probe could not read adds nothing, so the figure is at least this much.
     */
    public double leakedRssAnonBytesPerCycle() {
        long kib = finalCensus.liveOrphans().stream().mapToLong(p -> p.rssAnonKiB().orElse(0)).sum();
        return completedCycles() == 0 ? 0 : kib * 1024.0 / completedCycles();
    }

    /** The same observation, timed anew: the runner times a cell to its container's removal. */
    public ScenarioObservation withElapsed(Duration took) {
        return new ScenarioObservation(scenario, probe, samples, finalSnapshot, finalCensus, processTable, tree, upTable,
                endedEarly, containerLog, took);
    }
}
