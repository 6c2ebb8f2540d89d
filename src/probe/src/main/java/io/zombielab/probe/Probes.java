package io.zombielab.probe;

import java.util.Map;
import java.util.Optional;
import org.testcontainers.containers.ContainerState;

/** Attaches the probe a choice calls for to a running container. */
public final class Probes {

    private Probes() {
    }

    /**
     * The host probe where it can see the container and the choice allows it, else a started sidecar
     * carrying {@code sidecarLabels} (close the probe to remove it).
     */
    public static Probe attach(ContainerState target, ProbeChoice choice, Map<String, String> sidecarLabels) {
        if (choice != ProbeChoice.UNIVERSAL) {
            Long initPid = target.getContainerInfo().getState().getPidLong();
            Optional<HostProbe> host = HostProbe.forLocalContainer(target.getContainerId(), initPid == null ? -1 : initPid);
            if (host.isPresent()) {
                return host.get();
            }
            if (choice == ProbeChoice.HOST) {
                throw new ProbeException("the host probe was asked for, but this host does not show container "
                        + target.getContainerId().substring(0, 12) + "'s processes (host pid " + initPid + "): a remote "
                        + "engine, a user who may not read them, or a container in another's PID namespace (a pod's) whose PID 1 it "
                        + "does not show; the universal probe works everywhere");
            }
        }
        ProbeSidecar sidecar = new ProbeSidecar(target).withLabels(sidecarLabels);
        try {
            sidecar.start();
        } catch (RuntimeException e) {
            sidecar.close();
            throw new ProbeException("the universal probe's sidecar for container " + target.getContainerId().substring(0, 12)
                    + " did not start: " + e.getMessage(), e);
        }
        return sidecar;
    }
}
