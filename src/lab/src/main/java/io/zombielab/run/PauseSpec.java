package io.zombielab.run;

import io.zombielab.image.Labels;
import io.zombielab.probe.ContainerLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A pod cell's pause container, the pod's infra container as Kubernetes starts it before the pod's own:
 * {@code zl-helper pause} from zombielab's helper image (FROM scratch), labelled with the cell's run and held
 * to every rule a probe sidecar is (small pids and memory limits, read-only root, no privileges).
 */
public record PauseSpec(
        String image, Map<String, String> labels, Map<String, String> environment, ContainerLimits limits) {

    /** zl-helper's subcommand; the image's entrypoint is the binary. */
    public static final List<String> COMMAND = List.of("pause");

    public PauseSpec {
        labels = Map.copyOf(labels);
        environment = Map.copyOf(environment);
    }

    public static PauseSpec of(String image, String runId, String scenarioId) {
        // Go's runtime threads count against the pids limit: one scheduler thread is plenty for a pause.
        return new PauseSpec(
                image, Labels.podPause(runId, scenarioId), Map.of("GOMAXPROCS", "1"), ContainerLimits.PAUSE);
    }

    /** The pause container as a {@code docker run} command line. */
    List<String> dockerRun() {
        List<String> args = new ArrayList<>(List.of("docker", "run", "-d"));
        new TreeMap<>(labels).forEach((k, v) -> args.addAll(List.of("--label", k + "=" + v)));
        new TreeMap<>(environment).forEach((k, v) -> args.addAll(List.of("--env", k + "=" + v)));
        args.addAll(limits.dockerRunOptions());
        args.addAll(List.of("--read-only", image));
        args.addAll(COMMAND);
        return args;
    }
}
