package io.zombielab.observe;

import io.zombielab.scenario.Scenario;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything one run of a scenario saw: a sample per cycle, the final process table and the container's log.
 *
 * @param samples        cycle 0 (before the first start) then one per completed cycle
 * @param finalSnapshot  the process table after the last cycle settled
 * @param finalCensus    its classification
 * @param processTable   the final process table as text, chains attributed
 * @param spawnFailure   the error of the first start that failed, if any
 * @param containerLog   everything the container printed
 */
public record ScenarioObservation(
        Scenario scenario,
        List<CycleSample> samples,
        Snapshot finalSnapshot,
        Census finalCensus,
        String processTable,
        Optional<String> spawnFailure,
        String containerLog,
        Duration elapsed) {

    public ScenarioObservation {
        samples = List.copyOf(samples);
    }

    public int completedCycles() {
        return samples.size() - 1;
    }
}
