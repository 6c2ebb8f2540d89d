package io.zombielab.probe;

/** How a container is observed; every report says which. */
public enum ProbeMode {
    /** The host's /proc and /sys/fs/cgroup: a local engine, a user who may read the containers' processes. */
    HOST("host", "the host's /proc and cgroup files (local engine)"),
    /** A sidecar in the container's PID namespace: any engine, any user in the docker group, any image. */
    UNIVERSAL("universal", "a sidecar in the container's PID namespace (any engine, any user)");

    private final String id;
    private final String description;

    ProbeMode(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return id;
    }
}
