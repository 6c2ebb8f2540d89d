package io.zombielab.observe;

import io.zombielab.probe.ProbeMode;
import io.zombielab.probe.Snapshot;
import io.zombielab.scenario.Scenario;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything one run of a scenario saw: a sample per cycle, the process table once the chain was up and after the
 * last cycle, and the container's log.
 *
 * @param probe        how the container was observed
 * @param samples      cycle 0 (before the first start) then one per completed cycle
 * @param end          the process table after the last cycle settled
 * @param up           the process tree the first cycle made, and the table it stood in
 * @param endedEarly   why the run ended before its last cycle, if it did: a start that failed, or an OOM kill
 * @param containerLog everything the container printed
 * @param elapsed      how long the cell took, to its container's removal
 */
public record ScenarioObservation(
        Scenario scenario,
        ProbeMode probe,
        List<CycleSample> samples,
        End end,
        Up up,
        Optional<EndedEarly> endedEarly,
        String containerLog,
        Duration elapsed) {

    /**
     * The process table after the last cycle settled.
     *
     * @param snapshot the table as the probe read it
     * @param census   its classification
     * @param table    the table as text, chains attributed
     */
    public record End(Snapshot snapshot, Census census, String table) {}

    /**
     * The first cycle, once its chain was up (before the first stop).
     *
     * @param tree  the process tree it made, as observed
     * @param table the whole process table at that moment, as text
     */
    public record Up(ProcessTree tree, String table) {}

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
        long kib = end.census().liveOrphans().stream()
                .mapToLong(p -> p.rssAnonKiB().orElse(0))
                .sum();
        return completedCycles() == 0 ? 0 : kib * 1024.0 / completedCycles();
    }

    /** The same observation, timed anew: the runner times a cell to its container's removal. */
    public ScenarioObservation withElapsed(Duration took) {
        return new ScenarioObservation(scenario, probe, samples, end, up, endedEarly, containerLog, took);
    }
}
