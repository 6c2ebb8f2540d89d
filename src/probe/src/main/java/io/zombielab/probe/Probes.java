package io.zombielab.probe;

import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.testcontainers.containers.ContainerState;

/** Attaches the probe a choice calls for to a running container. */
public final class Probes {

    private Probes() {}

    /**
     * Which probe a container gets: the universal one when chosen; else the host probe where the host shows the
     * container ({@code hostShows}); else the universal one, unless the host probe was chosen (a
     * refusal). The one rule: {@link #attach} applies it to a container, {@code zombielab doctor} to what it
     * foresees of this host ({@link HostView}).
     */
    public static ProbeDecision decide(ProbeChoice choice, BooleanSupplier hostShows) {
        if (choice == ProbeChoice.UNIVERSAL) {
            return ProbeDecision.UNIVERSAL;
        }
        if (hostShows.getAsBoolean()) {
            return ProbeDecision.HOST;
        }
        return choice == ProbeChoice.HOST ? ProbeDecision.HOST_REFUSED : ProbeDecision.UNIVERSAL;
    }

    /**
     * The host probe where it can see the container and the choice allows it, else a started sidecar
     * carrying {@code sidecarLabels} (close the probe to remove it).
     */
    public static Probe attach(ContainerState target, ProbeChoice choice, Map<String, String> sidecarLabels) {
        Long initPid = target.getContainerInfo().getState().getPidLong();
        // A few /proc files read: cheap enough to look even when the universal probe is chosen.
        Optional<HostProbe> host = HostProbe.forLocalContainer(target.getContainerId(), initPid == null ? -1 : initPid);
        ProbeDecision decision = decide(choice, host::isPresent);
        if (decision == ProbeDecision.HOST) {
            return host.orElseThrow();
        }
        if (decision == ProbeDecision.HOST_REFUSED) {
            throw new ProbeException("the host probe was asked for, but this host does not show container "
                    + target.getContainerId().substring(0, 12) + "'s processes (host pid " + initPid + "): a remote "
                    + "engine, a user who may not read them, or a container in another's PID namespace (a pod's) whose PID 1 it "
                    + "does not show; the universal probe works everywhere");
        }
        ProbeSidecar sidecar = new ProbeSidecar(target).withLabels(sidecarLabels);
        try {
            sidecar.start();
        } catch (RuntimeException e) {
            sidecar.close();
            throw new ProbeException(
                    "the universal probe's sidecar for container "
                            + target.getContainerId().substring(0, 12) + " did not start: " + e.getMessage(),
                    e);
        }
        return sidecar;
    }
}
