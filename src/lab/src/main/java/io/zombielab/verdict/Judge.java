package io.zombielab.verdict;

import io.zombielab.observe.CycleSample;
import io.zombielab.observe.ScenarioObservation;
import io.zombielab.scenario.ChainWorkload;
import io.zombielab.scenario.Expectation;
import io.zombielab.scenario.MemoryTrend;
import io.zombielab.scenario.Scenario;
import io.zombielab.scenario.SpawnOutcome;
import java.util.List;

/** Compares what a scenario expects with what its run observed. */
public final class Judge {

    private static final long MIB = 1024 * 1024;

    private Judge() {
    }

    public static Verdict judge(ScenarioObservation observation) {
        Scenario scenario = observation.scenario();
        Expectation expected = scenario.expectation();
        double growth = MemoryFit.slope(observation.samples().stream().map(s -> s.cgroup().memoryRssBytes()).toList());
        int completed = observation.completedCycles();
        return new Verdict(observation, List.of(
                spawn(scenario, expected.spawn(), observation),
                exact("zombies", completed * expected.zombiesPerCycle(), observation.finalCensus().zombies().size()),
                exact("live orphans", completed * expected.liveOrphansPerCycle(),
                        observation.finalCensus().liveOrphans().size()),
                tree(scenario, observation),
                memory(scenario, expected.memory(), growth, observation.leakedRssAnonBytesPerCycle())), growth);
    }

    /** The tree the first start made, against the one the workload is built to make. */
    private static Check tree(Scenario scenario, ScenarioObservation observation) {
        var expected = scenario.workload().expectedTree();
        return new Check("process tree", String.join(" -> ", expected), observation.tree().names(),
                observation.tree().matches(expected));
    }

    /** The expected totals after the cycles that completed: per-cycle counts times cycles. */
    public static int expectedZombies(ScenarioObservation o) {
        return o.completedCycles() * o.scenario().expectation().zombiesPerCycle();
    }

    public static int expectedLiveOrphans(ScenarioObservation o) {
        return o.completedCycles() * o.scenario().expectation().liveOrphansPerCycle();
    }

    private static Check spawn(Scenario scenario, SpawnOutcome outcome, ScenarioObservation observation) {
        String observed = observation.completedCycles() + " of " + scenario.cycles() + " cycles"
                + observation.spawnFailure().map(f -> ", then spawning failed at " + f).orElse("");
        if (outcome == SpawnOutcome.COMPLETES) {
            return new Check("cycles completed", "all " + scenario.cycles(), observed,
                    observation.completedCycles() == scenario.cycles());
        }
        return new Check("spawning fails", "a cycle that cannot start, before cycle " + scenario.cycles() + " ends",
                observed, observation.spawnFailure().isPresent());
    }

    private static Check exact(String name, int expected, int actual) {
        return new Check(name, Integer.toString(expected), Integer.toString(actual), expected == actual);
    }

    /** How far the real app's growth may be from the anonymous memory its orphans hold, relative to it. */
    static final double LEAK_TOLERANCE = 0.25;
    /** The real app's clean cycles: growth under this, per cycle (one next-server holds about 50 MiB). */
    static final double APP_FLAT_CEILING = 8 * MIB;

    private static Check memory(Scenario scenario, MemoryTrend trend, double growth, double leakedPerCycle) {
        if (scenario.workload() instanceof ChainWorkload chain) {
            return chainMemory(chain, trend, growth);
        }
        String observed = String.format("%.1f MiB/cycle", growth / MIB);
        if (trend == MemoryTrend.GROWS) {
            // The cgroup grows by what the orphans hold: their anonymous pages, counted in the process table.
            return new Check("memory growth", String.format("%.1f MiB/cycle +-%.0f%% (the orphans' RssAnon)",
                    leakedPerCycle / MIB, LEAK_TOLERANCE * 100), observed,
                    leakedPerCycle > 0 && Math.abs(growth - leakedPerCycle) <= LEAK_TOLERANCE * leakedPerCycle);
        }
        return new Check("memory growth", String.format("< %.1f MiB/cycle", APP_FLAT_CEILING / MIB), observed,
                growth < APP_FLAT_CEILING);
    }

    /**
     * A leaking cycle leaves every node level alive, each holding its ballast in anonymous memory, so growth
     * is at least 90% of levels x ballast. A clean cycle leaves no live process: growth under half a ballast.
     */
    private static Check chainMemory(ChainWorkload chain, MemoryTrend trend, double growth) {
        long ballast = chain.ballastMiB() * MIB;
        String observed = String.format("%.1f MiB/cycle", growth / MIB);
        if (trend == MemoryTrend.GROWS) {
            double floor = 0.9 * chain.nodeLevels() * ballast;
            return new Check("memory growth", String.format(">= %.1f MiB/cycle", floor / MIB), observed, growth >= floor);
        }
        double ceiling = ballast / 2.0;
        return new Check("memory growth", String.format("< %.1f MiB/cycle", ceiling / MIB), observed, growth < ceiling);
    }

    /** Samples as text for reports: cycle, anon rss, pids. */
    public static String series(List<CycleSample> samples) {
        StringBuilder out = new StringBuilder("cycle anon_rss_mib pids zombies live_orphans\n");
        for (CycleSample s : samples) {
            out.append(String.format("%5d %12d %4d %7d %12d%n", s.cycle(), s.cgroup().memoryRssBytes() / MIB,
                    s.cgroup().pidsCurrent(), s.census().zombies().size(), s.census().liveOrphans().size()));
        }
        return out.toString();
    }
}
