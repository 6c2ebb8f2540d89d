package io.zombielab.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether this host will show an engine's containers to the host probe, foreseen before any container runs (for
 * {@code zombielab doctor}): the two conditions {@link HostProbe#forLocalContainer} finds true or false per container.
 * Its containers must be processes of this host (a local engine), and their environments readable, which for
 * containers run as root means this user is root. A run still decides per container (a socket that leads to another
 * machine's engine, a container of another user).
 */
public enum HostView {
    /** A local engine, and this user is root: the host probe will see the containers. */
    SHOWN("root, local engine"),
    /** DOCKER_HOST names an engine over the network: its containers are not processes of this host. */
    REMOTE_ENGINE("a remote engine: its containers are not processes of this host"),
    /** A local engine, but this user is not root: the containers' processes are root's, their environments unreadable. */
    NOT_READABLE("not root: this user may not read the containers' processes");

    private final String why;

    HostView(String why) {
        this.why = why;
    }

    /** Why, in a few words. */
    public String why() {
        return why;
    }

    public boolean shown() {
        return this == SHOWN;
    }

    /** This host, for the engine DOCKER_HOST names (empty: the local socket). */
    public static HostView here(Optional<String> dockerHost) {
        return of(dockerHost, root(Path.of("/proc/self/status")));
    }

    /**
     * @param dockerHost DOCKER_HOST, empty for the local socket
     * @param root whether this user is root (the containers' processes are root's, and only root reads their environments)
     */
    static HostView of(Optional<String> dockerHost, boolean root) {
        boolean local =
                dockerHost.map(h -> h.isBlank() || h.startsWith("unix://")).orElse(true);
        if (!local) {
            return REMOTE_ENGINE;
        }
        return root ? SHOWN : NOT_READABLE;
    }

    /** Whether the effective uid on the status file's Uid line (real, effective, saved, fs) is 0. */
    static boolean root(Path status) {
        try {
            return Files.readAllLines(status).stream()
                    .filter(l -> l.startsWith("Uid:"))
                    .findFirst()
                    .map(l -> l.substring("Uid:".length()).trim().split("\\s+"))
                    .filter(f -> f.length > 1)
                    .map(f -> f[1].equals("0"))
                    .orElse(false);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
