package io.zombielab.report;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
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
 * report.json all render this (report.json is it, as Jackson writes it, each group's fields unwrapped into the
 * row's own: the file is as it was before the groups; flakes and speed read it back).
 *
 * @param cell    which cell: its id, name and the choices that make it
 * @param holds   whether every check held
 * @param probe   which probe observed the cell's container
 * @param cycles  how many cycles it planned and completed, and why it ended early if it did
 * @param left    what it left behind: zombies, live orphans, memory, pids
 * @param tree    the chain's commands, as the process tree showed them
 * @param checks  each check's expectation and observation
 * @param samples each settled cycle's figures
 * @param seconds how long the cell took
 */
public record MatrixRow(
        @JsonUnwrapped Cell cell,
        boolean holds,
        String probe,
        @JsonUnwrapped Cycles cycles,
        @JsonUnwrapped Left left,
        List<String> tree,
        List<Check> checks,
        List<Sample> samples,
        double seconds) {

    /** Which cell: its id ("none/go/pid-kill"), its name, and the reaper, supervisor, kill and workload ids. */
    public record Cell(String id, String name, String reaper, String supervisor, String kill, String workload) {

        /** "stage 1: original code [none/go/pid-kill]". */
        public String named() {
            return name + " [" + id + "]";
        }

        /** As {@link #named()}: the cell as every report names it. */
        @Override
        public String toString() {
            return named();
        }
    }

    /**
     * @param cyclesPlanned   the cycles the cell asked for
     * @param cyclesCompleted the cycles it ran
     * @param endedEarly      why the run ended before its last cycle, if it did
     */
    public record Cycles(int cyclesPlanned, int cyclesCompleted, Optional<String> endedEarly) {

        /** "3/3", "17/30!" where the run ended early ({@code endedMark}). */
        public String text(String endedMark) {
            return cyclesCompleted + "/" + cyclesPlanned + (endedEarly.isPresent() ? endedMark : "");
        }
    }

    /**
     * What the cell left behind.
     *
     * @param zombies                  zombies after the last cycle, and how many were expected
     * @param liveOrphans              live orphans after the last cycle, and how many were expected
     * @param memoryGrowthMiBPerCycle  anonymous memory's growth, fitted over every cycle; empty when not read
     * @param leakedRssAnonMiBPerCycle what the live orphans hold by the process table (their RssAnon), per cycle
     * @param pids                     the cgroup's pids after the last cycle; empty when not read
     */
    public record Left(
            Tally zombies,
            Tally liveOrphans,
            OptionalDouble memoryGrowthMiBPerCycle,
            double leakedRssAnonMiBPerCycle,
            OptionalLong pids) {

        /** "+91.6 MiB", "?" when not read. */
        public String growth() {
            return memoryGrowthMiBPerCycle.isPresent()
                    ? String.format("%+.1f MiB", memoryGrowthMiBPerCycle.getAsDouble())
                    : "?";
        }

        /** "91.6 MiB". */
        public String leak() {
            return String.format("%.1f MiB", leakedRssAnonMiBPerCycle);
        }

        /** "50", "?" when not read. */
        public String pidsText() {
            return pids.isPresent() ? Long.toString(pids.getAsLong()) : "?";
        }
    }

    /** One settled cycle: its anonymous memory, pids, zombies and live orphans. */
    public record Sample(int cycle, OptionalLong anonBytes, OptionalLong pids, int zombies, int liveOrphans) {
        static Sample of(CycleSample s) {
            return new Sample(
                    s.cycle(),
                    s.cgroup().anonBytes(),
                    s.cgroup().pids(),
                    s.census().zombies().size(),
                    s.census().liveOrphans().size());
        }
    }

    public static MatrixRow of(Verdict v) {
        ScenarioObservation o = v.observation();
        var s = o.scenario();
        return new MatrixRow(
                new Cell(
                        s.id(),
                        s.name(),
                        s.reaper().id(),
                        s.supervisor().id(),
                        s.kill().id(),
                        s.workload().id()),
                v.holds(),
                o.probe().id(),
                new Cycles(s.cycles(), o.completedCycles(), o.spawnFailure()),
                new Left(
                        new Tally(o.end().census().zombies().size(), Judge.expectedZombies(o)),
                        new Tally(o.end().census().liveOrphans().size(), Judge.expectedLiveOrphans(o)),
                        round(v.memoryGrowthMibPerCycle()),
                        round(o.leakedRssAnonBytesPerCycle() / (1 << 20)),
                        o.end().snapshot().cgroup().pids()),
                o.up().tree().nodes().stream().map(n -> n.command()).toList(),
                v.checks(),
                o.samples().stream().map(Sample::of).toList(),
                round(o.elapsed().toMillis() / 1000.0));
    }

    private static OptionalDouble round(OptionalDouble value) {
        return value.isPresent() ? OptionalDouble.of(round(value.getAsDouble())) : value;
    }

    /** One decimal, as every report prints it: report.json keeps no digits nobody measured. */
    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
