package io.zombielab.scenario;

/**
 * What each stop/start cycle of a scenario must leave behind once it has settled. Per cycle, so that a run
 * that stops early (spawning failed) is judged on the cycles it completed.
 *
 * @param zombiesPerCycle     processes each cycle leaves in state Z
 * @param liveOrphansPerCycle live processes each stopped chain leaves
 * @param memory              the memory trend across cycles
 * @param spawn               whether every cycle must start, or spawning must fail at some cycle
 */
public record Expectation(int zombiesPerCycle, int liveOrphansPerCycle, MemoryTrend memory, SpawnOutcome spawn) {

    public Expectation {
        if (zombiesPerCycle < 0 || liveOrphansPerCycle < 0) {
            throw new IllegalArgumentException("expected counts cannot be negative");
        }
    }

    public Expectation withSpawn(SpawnOutcome outcome) {
        return new Expectation(zombiesPerCycle, liveOrphansPerCycle, memory, outcome);
    }

    public Expectation withZombiesPerCycle(int zombies) {
        return new Expectation(zombies, liveOrphansPerCycle, memory, spawn);
    }

    public Expectation withLiveOrphansPerCycle(int orphans) {
        return new Expectation(zombiesPerCycle, orphans, memory, spawn);
    }

    public Expectation withMemory(MemoryTrend trend) {
        return new Expectation(zombiesPerCycle, liveOrphansPerCycle, trend, spawn);
    }
}
