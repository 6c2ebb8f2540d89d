package io.zombielab.scenario;

/**
 * Whose PID namespace a cell's container runs in, and so which process is PID 1 for its processes: where
 * {@code docker run} and a Kubernetes pod differ. In a pod, the pause container (the pod's infra container)
 * is started first; with {@code shareProcessNamespace: true} every container of the pod joins its PID
 * namespace, so pause, not the container's entrypoint, is PID 1 and adopts the container's orphans.
 */
public enum PidNamespace {
    /** {@code docker run}: a namespace of the container's own, no pod; its entrypoint is PID 1. */
    CONTAINER(false, false),
    /**
     * A pod with Kubernetes' default {@code shareProcessNamespace: false}: the pause container runs, but the
     * container has a namespace of its own, whose PID 1 is its entrypoint (as with {@code docker run}).
     */
    POD(true, false),
    /** A pod with {@code shareProcessNamespace: true}: the container joins the pause container's namespace. */
    POD_SHARED(true, true);

    private final boolean pod;
    private final boolean joinsPause;

    PidNamespace(boolean pod, boolean joinsPause) {
        this.pod = pod;
        this.joinsPause = joinsPause;
    }

    /** Whether a pause container is started before the cell's container (and removed after it). */
    public boolean hasPause() {
        return pod;
    }

    /** Whether the cell's container joins the pause container's PID namespace (HostConfig pidMode container:ID). */
    public boolean joinsPause() {
        return joinsPause;
    }
}
