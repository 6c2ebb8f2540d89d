package io.zombielab.probe;

/** Takes snapshots of one container; closing it removes whatever it started beside the container. */
public interface Probe extends AutoCloseable {

    /** The container's process table and cgroup figures now; throws {@link ProbeException} when it cannot look. */
    Snapshot snapshot();

    /** How this probe looks: what every report names. */
    ProbeMode mode();

    @Override
    default void close() {}
}
