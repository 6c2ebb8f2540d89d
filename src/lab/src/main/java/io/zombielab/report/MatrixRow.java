package io.zombielab.report;

import io.zombielab.observe.CycleSample;
import io.zombielab.observe.ScenarioObservation;
import io.zombielab.verdict.Check;
import io.zombielab.verdict.Judge;
import io.zombielab.verdict.Verdict;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One cell as every report shows it, computed once from its verdict: the text table, Markdown, HTML and
 * report.json all render this (report.json is it, as Jackson writes it; flakes and speed read it back).
 *
 * @param probe                    which probe observed the cell's container
 * @param endedEarly               why the run ended before its last cycle, if it did
 * @param memoryGrowthMiBPerCycle  anonymous memory's growth, fitted over every cycle; empty when not read
 * @param leakedRssAnonMiBPerCycle what the live orphans hold by the process table (their RssAnon), per cycle
 * @param pids                     the cgroup's pids after the last cycle; empty when not read
 */
public record MatrixRow(String id, String name, String reaper, String supervisor, String kill, String workload,
                        boolean holds, String probe, int cyclesPlanned, int cyclesCompleted, Optional<String> endedEarly,
                        Tally zombies, Tally liveOrphans, OptionalDouble memoryGrowthMiBPerCycle,
                        double leakedRssAnonMiBPerCycle, OptionalLong pids, List<String> tree, List<Check> checks,
                        List<Sample> samples, double seconds) {

    /** One settled cycle: its anonymous memory, pids, zombies and live orphans. */
    public record Sample(int cycle, OptionalLong anonBytes, OptionalLong pids, int zombies, int liveOrphans) {
        static Sample of(CycleSample s) {
            return new Sample(s.cycle(), s.cgroup().anonBytes(), s.cgroup().pids(), s.census().zombies().size(),
                    s.census().liveOrphans().size());
        }
    }

    public static MatrixRow of(Verdict v) {
        ScenarioObservation o = v.observation();
        var s = o.scenario();
        return new MatrixRow(s.id(), s.name(), s.reaper().id(), s.supervisor().id(), s.kill().id(), s.workload().id(),
                v.holds(), o.probe().id(), s.cycles(), o.completedCycles(), o.spawnFailure(),
                new Tally(o.finalCensus().zombies().size(), Judge.expectedZombies(o)),
                new Tally(o.finalCensus().liveOrphans().size(), Judge.expectedLiveOrphans(o)),
                round(v.memoryGrowthMibPerCycle()), round(o.leakedRssAnonBytesPerCycle() / (1 << 20)),
                o.finalSnapshot().cgroup().pids(), o.tree().nodes().stream().map(n -> n.command()).toList(), v.checks(),
                o.samples().stream().map(Sample::of).toList(), round(o.elapsed().toMillis() / 1000.0));
    }

    /** "3/3", "17/30!" where the run ended early. */
    public String cycles(String endedMark) {
        return cyclesCompleted + "/" + cyclesPlanned + (endedEarly.isPresent() ? endedMark : "");
    }

    /** "+91.6 MiB", "?" when not read. */
    public String growth() {
        return memoryGrowthMiBPerCycle.isPresent() ? String.format("%+.1f MiB", memoryGrowthMiBPerCycle.getAsDouble()) : "?";
    }

    /** "91.6 MiB". */
    public String leak() {
        return String.format("%.1f MiB", leakedRssAnonMiBPerCycle);
    }

    /** "50", "?" when not read. */
    public String pidsText() {
        return pids.isPresent() ? Long.toString(pids.getAsLong()) : "?";
    }

    /** "stage 1: original code [none/go/pid-kill]". */
    public String cell() {
        return name + " [" + id + "]";
    }

    private static OptionalDouble round(OptionalDouble value) {
        return value.isPresent() ? OptionalDouble.of(round(value.getAsDouble())) : value;
    }

    /** One decimal, as every report prints it: report.json keeps no digits nobody measured. */
    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
