package io.zombielab.run;

import io.zombielab.image.Labels;
import io.zombielab.probe.Probe;
import io.zombielab.probe.ProbeChoice;
import io.zombielab.probe.ProbeSidecar;
import io.zombielab.probe.Probes;
import org.testcontainers.containers.GenericContainer;

/** The probe of a cell's or a promise's container, its sidecar (if any) labelled with the run and held to every safety rule. */
public final class ContainerProbes {

    private ContainerProbes() {}

    public static Probe attach(GenericContainer<?> container, ProbeChoice choice, String runId, String cell) {
        Probe probe = Probes.attach(container, choice, Labels.probeSidecar(runId, cell));
        if (probe instanceof ProbeSidecar sidecar) {
            try {
                ContainerSafety.require(
                        sidecar.getContainerInfo(), ContainerSafety.Kind.PROBE, "the probe sidecar of " + cell);
            } catch (RuntimeException e) {
                probe.close();
                throw e;
            }
        }
        return probe;
    }

    /** A started sidecar, whatever the probe choice: what makes orphans in a container from outside it. */
    public static ProbeSidecar sidecar(GenericContainer<?> container, String runId, String cell) {
        return (ProbeSidecar) attach(container, ProbeChoice.UNIVERSAL, runId, cell);
    }
}
