package io.zombielab.run;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What every container zombielab starts must be, checked on the engine's own description of it (inspect):
 * not privileged, no added capabilities, no Docker socket or host path mounted, pids and memory limits
 * set, zombielab's labels on it, and for scenario containers a read-only root file system (the fixtures
 * cannot be changed by the code under test). Every scenario, pause, probe and promise container is checked as
 * soon as it has started, before the harness does anything with it; one that breaks a rule ends its cell with
 * an error.
 */
public final class ContainerSafety {

    /** Which rules apply: all of them, or all but the read-only root of a promise container. */
    public enum Kind {
        SCENARIO,
        /** The static test program is copied into it before it starts, which a read-only root refuses. */
        PROMISE,
        /** The universal probe's sidecar (zl-helper FROM scratch): every rule, read-only root included. */
        PROBE,
        /** A pod cell's pause container (zl-helper FROM scratch): every rule, read-only root included. */
        PAUSE
    }

    private ContainerSafety() {}

    /** Every rule the container breaks, in words; empty when it keeps them all. */
    public static List<String> violations(InspectContainerResponse container, Kind kind) {
        List<String> broken = new ArrayList<>();
        HostConfig host = container.getHostConfig();
        if (Boolean.TRUE.equals(host.getPrivileged())) {
            broken.add("it is privileged");
        }
        if (host.getCapAdd() != null && host.getCapAdd().length > 0) {
            broken.add("it has added capabilities " + Arrays.toString(host.getCapAdd()));
        }
        if (host.getBinds() != null && host.getBinds().length > 0) {
            broken.add("it mounts host paths "
                    + Arrays.stream(host.getBinds()).map(Bind::toString).toList());
        }
        if (container.getMounts() != null) {
            container.getMounts().stream()
                    .map(m -> Objects.toString(m.getSource(), ""))
                    .filter(source -> source.endsWith("docker.sock"))
                    .forEach(s -> broken.add("it mounts the Docker socket " + s));
        }
        if (host.getPidsLimit() == null || host.getPidsLimit() <= 0) {
            broken.add("it has no pids limit");
        }
        if (host.getMemory() == null || host.getMemory() <= 0) {
            broken.add("it has no memory limit");
        }
        if (kind != Kind.PROMISE && !Boolean.TRUE.equals(host.getReadonlyRootfs())) {
            broken.add("its root file system (the fixtures) is writable");
        }
        var labels = container.getConfig().getLabels();
        if (labels == null || !"true".equals(labels.get("io.zombielab")) || !labels.containsKey("io.zombielab.run")) {
            broken.add("it lacks the labels io.zombielab=true and io.zombielab.run");
        }
        return broken;
    }

    /** Throws, naming the container and every broken rule, unless it keeps them all. */
    public static void require(InspectContainerResponse container, Kind kind, String what) {
        List<String> broken = violations(container, kind);
        if (!broken.isEmpty()) {
            throw new IllegalStateException(what + " (container "
                    + container.getId().substring(0, 12) + ") is not safe to run: " + String.join("; ", broken));
        }
    }
}
