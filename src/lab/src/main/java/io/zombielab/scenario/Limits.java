package io.zombielab.scenario;

import java.time.Duration;

/**
 * The limits of a cell: its container's resources, and how long the harness waits for it.
 *
 * @param pidsLimit   the cgroup's pids.max (threads count too)
 * @param memoryBytes the cgroup's memory limit
 * @param upTimeout   how long a cycle's workload may take to be up (the chain's ready event, the app's health)
 * @param settleTimeout how long a cycle may take to settle after its stop; past either, the cell is an error
 */
public record Limits(long pidsLimit, long memoryBytes, Duration upTimeout, Duration settleTimeout) {

    public static final Limits DEFAULT =
            new Limits(512, 1024L * 1024 * 1024, Duration.ofSeconds(60), Duration.ofSeconds(30));

    public Limits {
        if (pidsLimit < 1 || memoryBytes < 1) {
            throw new IllegalArgumentException(
                    "limits must be positive: pids " + pidsLimit + ", memory " + memoryBytes);
        }
        if (upTimeout.isNegative() || upTimeout.isZero() || settleTimeout.isNegative() || settleTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "timeouts must be positive: up " + upTimeout + ", settle " + settleTimeout);
        }
    }

    public Limits(long pidsLimit, long memoryBytes) {
        this(pidsLimit, memoryBytes, DEFAULT.upTimeout, DEFAULT.settleTimeout);
    }
}
