package io.zombielab.scenario;

/**
 * Resource limits of a scenario's container.
 *
 * @param pidsLimit   the cgroup's pids.max (threads count too)
 * @param memoryBytes the cgroup's memory limit
 */
public record Limits(long pidsLimit, long memoryBytes) {

    public static final Limits DEFAULT = new Limits(512, 1024L * 1024 * 1024);

    public Limits {
        if (pidsLimit < 1 || memoryBytes < 1) {
            throw new IllegalArgumentException("limits must be positive: pids " + pidsLimit + ", memory " + memoryBytes);
        }
    }
}
