package io.zombielab.verdict;

import io.zombielab.observe.CycleSample;
import io.zombielab.observe.ScenarioObservation;
import io.zombielab.scenario.Bound;
import io.zombielab.scenario.Scenario;
import io.zombielab.scenario.SpawnOutcome;
import java.util.List;
import java.util.OptionalDouble;

/** Compares what a scenario expects with what its run observed. */
public final class Judge {

    static final double MIB = 1024 * 1024;

    private Judge() {}

    public static Verdict judge(ScenarioObservation observation) {
        OptionalDouble growth = growthMibPerCycle(observation.samples());
        return new Verdict(
                observation,
                List.of(
                        spawn(observation),
                        new Check.Count(
                                "zombies",
                                expectedZombies(observation),
                                observation.end().census().zombies().size()),
                        new Check.Count(
                                "live orphans",
                                expectedLiveOrphans(observation),
                                observation.end().census().liveOrphans().size()),
                        tree(observation),
                        memory(observation, growth)),
                growth);
    }

    /** The expected totals after the cycles that completed: per-cycle counts times cycles. */
    public static int expectedZombies(ScenarioObservation o) {
        return o.completedCycles() * o.scenario().expectation().zombiesPerCycle();
    }

    public static int expectedLiveOrphans(ScenarioObservation o) {
        return o.completedCycles() * o.scenario().expectation().liveOrphansPerCycle();
    }

    /** The tree the first start made, against the one the workload is built to make. */
    private static Check tree(ScenarioObservation observation) {
        var expected = observation.scenario().workload().expectedTree();
        return new Check.Described(
                "process tree",
                String.join(" -> ", expected),
                observation.up().tree().names(),
                observation.up().tree().matches(expected));
    }

    private static Check spawn(ScenarioObservation observation) {
        Scenario scenario = observation.scenario();
        String observed = observation.completedCycles() + " of " + scenario.cycles() + " cycles"
                + observation
                        .spawnFailure()
                        .map(f -> ", then spawning failed at " + f)
                        .orElse("");
        if (scenario.expectation().spawn() == SpawnOutcome.COMPLETES) {
            return new Check.Described(
                    "cycles completed",
                    "all " + scenario.cycles(),
                    observed,
                    observation.completedCycles() == scenario.cycles());
        }
        return new Check.Described(
                "spawning fails",
                "a cycle that cannot start, before cycle " + scenario.cycles() + " ends",
                observed,
                observation.spawnFailure().isPresent());
    }

    /** The growth of anonymous memory, fitted over every cycle, against the bound the workload sets. */
    private static Check memory(ScenarioObservation o, OptionalDouble growth) {
        Bound bound = o.scenario()
                .workload()
                .memoryBound(o.scenario().expectation().memory(), o.leakedRssAnonBytesPerCycle() / MIB);
        return growth.isPresent()
                ? new Check.Measure("memory growth", bound, growth.getAsDouble())
                : new Check.Described(
                        "memory growth", bound.describe(), "not read: the probe gave no anonymous memory", false);
    }

    /** Least squares over every sample; empty when a sample has no anonymous memory figure (never judged as 0). */
    private static OptionalDouble growthMibPerCycle(List<CycleSample> samples) {
        if (samples.stream().anyMatch(s -> s.cgroup().anonBytes().isEmpty())) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(MemoryFit.slope(samples.stream()
                        .map(s -> s.cgroup().anonBytes().getAsLong())
                        .toList())
                / MIB);
    }

    /** Samples as text for reports: cycle, anon rss, pids. */
    public static String series(List<CycleSample> samples) {
        StringBuilder out = new StringBuilder("cycle anon_rss_mib pids zombies live_orphans\n");
        for (CycleSample s : samples) {
            out.append(String.format(
                    "%5d %12s %4s %7d %12d%n",
                    s.cycle(),
                    s.cgroup().anonBytes().isPresent()
                            ? Long.toString(s.cgroup().anonBytes().getAsLong() / (long) MIB)
                            : "?",
                    s.cgroup().pids().isPresent()
                            ? Long.toString(s.cgroup().pids().getAsLong())
                            : "?",
                    s.census().zombies().size(),
                    s.census().liveOrphans().size()));
        }
        return out.toString();
    }
}
