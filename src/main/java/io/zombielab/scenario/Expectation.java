package io.zombielab.scenario;

/**
 * What a scenario must show once all its cycles are stopped and the container has settled.
 *
 * @param zombies     processes in state Z
 * @param liveOrphans live processes of chains the supervisor has stopped
 * @param memory      the memory trend across cycles
 */
public record Expectation(int zombies, int liveOrphans, MemoryTrend memory) {
}
