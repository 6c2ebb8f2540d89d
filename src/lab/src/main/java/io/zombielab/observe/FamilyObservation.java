package io.zombielab.observe;

import io.zombielab.probe.ProbeMode;
import io.zombielab.scenario.FamilyCell;
import io.zombielab.scenario.Measure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Everything one run of a family cell saw: its measures, a sample after each run (probe run, job, stop), the
 * process table at its worst moment and the container's log.
 *
 * @param measured     each measure the door took; one the cell expects but the door could not take is absent
 * @param runs         after each run: the zombies and the cgroup's pids
 * @param processTable the container's process table after the last run (or, for a stop, just before it)
 * @param events       what happened, in the words the report reads (the redis-neighbour door: the first error, the
 *                     OOM killer's victim, then their cause); empty where the measures say it all
 */
public record FamilyObservation(
        FamilyCell cell,
        ProbeMode probe,
        Map<Measure, Double> measured,
        List<RunSample> runs,
        String processTable,
        String containerLog,
        Duration elapsed,
        List<String> events) {

    public FamilyObservation {
        measured = Map.copyOf(measured);
        runs = List.copyOf(runs);
        events = List.copyOf(events);
    }

    public FamilyObservation(
            FamilyCell cell,
            ProbeMode probe,
            Map<Measure, Double> measured,
            List<RunSample> runs,
            String processTable,
            String containerLog,
            Duration elapsed) {
        this(cell, probe, measured, runs, processTable, containerLog, elapsed, List.of());
    }

    /** The container after run {@code run}: its zombies, and its pids (threads) where the probe read them. */
    public record RunSample(int run, int zombies, OptionalLong pids) {}
}
