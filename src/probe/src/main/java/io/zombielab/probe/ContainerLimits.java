package io.zombielab.probe;

import com.github.dockerjava.api.model.HostConfig;
import java.util.List;

/**
 * A container's pids and memory limits (memory and swap alike: no swap), and the table of those zombielab
 * gives the containers it starts beside the ones it observes: each is small, so that a leak in it stays its own.
 *
 * @param pids        the cgroup's pids.max (threads count too)
 * @param memoryBytes the cgroup's memory limit, swap included
 */
public record ContainerLimits(long pids, long memoryBytes) {

    /** A probe sidecar: the orphans it makes live in its own cgroup until they exit. */
    public static final ContainerLimits SIDECAR = new ContainerLimits(1024, 256L << 20);
    /** A pod's pause container: one process and Go's few runtime threads. */
    public static final ContainerLimits PAUSE = new ContainerLimits(32, 32L << 20);
    /** A container of validate's: the init under test, zl-helper and the processes a promise makes. */
    public static final ContainerLimits PROMISE = new ContainerLimits(256, 512L << 20);
    /** The container `zombielab probes` times the probes on: a shell, three sleeps, three zombies. */
    public static final ContainerLimits PROBE_TIMING = new ContainerLimits(64, 128L << 20);

    public ContainerLimits {
        if (pids < 1 || memoryBytes < 1) {
            throw new IllegalArgumentException("limits must be positive: pids " + pids + ", memory " + memoryBytes);
        }
    }

    /** {@code host} with these limits. */
    public HostConfig applyTo(HostConfig host) {
        return host.withPidsLimit(pids).withMemory(memoryBytes).withMemorySwap(memoryBytes);
    }

    /** The same limits as {@code docker run} options. */
    public List<String> dockerRunOptions() {
        return List.of(
                "--pids-limit", Long.toString(pids), "--memory", memoryBytes + "b", "--memory-swap", memoryBytes + "b");
    }
}
