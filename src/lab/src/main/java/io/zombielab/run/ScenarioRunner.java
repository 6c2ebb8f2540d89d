package io.zombielab.run;

import io.zombielab.fixture.EventLog;
import io.zombielab.image.ImageCatalog;
import io.zombielab.observe.ScenarioObservation;
import io.zombielab.probe.Probe;
import io.zombielab.probe.ProbeChoice;
import io.zombielab.scenario.Scenario;
import java.time.Duration;
import java.util.function.Consumer;
import org.testcontainers.containers.GenericContainer;

/**
 * Runs one scenario: its pod's pause container if it is a pod's, its container, each checked safe, with the
 * probe that observes it, and its cycles ({@link CellRun}). The containers, the probe's sidecar if any, and
 * the pause last, are removed however the run ends.
 */
public final class ScenarioRunner {

    private final ImageCatalog images;
    private final String runId;
    private final ProbeChoice probeChoice;
    private final Consumer<String> progress;

    public ScenarioRunner(ImageCatalog images, String runId, ProbeChoice probeChoice, Consumer<String> progress) {
        this.images = images;
        this.runId = runId;
        this.probeChoice = probeChoice;
        this.progress = progress;
    }

    /** Runs the cell; its elapsed time runs from asking for its image to its container's removal. */
    public ScenarioObservation run(Scenario scenario) {
        long started = System.nanoTime();
        ScenarioObservation observed = observe(scenario, started);
        return observed.withElapsed(Duration.ofNanos(System.nanoTime() - started));
    }

    private ScenarioObservation observe(Scenario scenario, long started) {
        ContainerSpec spec = ContainerSpec.of(
                scenario, images.forReaper(scenario.reaper()), images.pauseFor(scenario.reaper()), runId);
        EventLog events = new EventLog();
        // Closed in reverse: the probe, the cell's container, then the pod's pause (whose namespace it may share).
        try (PodSandbox pod = PodSandbox.start(spec, "scenario " + scenario);
                GenericContainer<?> container = ScenarioContainer.create(spec, pod, events);
                Probe probe = startWithProbe(container, scenario)) {
            SupervisorClient supervisor =
                    new SupervisorClient(container.getHost(), container.getMappedPort(SupervisorClient.CONTROL_PORT));
            return new CellRun(scenario, probe, supervisor, new ContainerCell(container, events), progress)
                    .observe(started);
        }
    }

    /** Starts the cell's container, checks it is safe to run, and attaches the probe that observes it. */
    private Probe startWithProbe(GenericContainer<?> container, Scenario scenario) {
        container.start();
        ContainerSafety.require(container.getContainerInfo(), ContainerSafety.Kind.SCENARIO, "scenario " + scenario);
        return ContainerProbes.attach(container, probeChoice, runId, scenario.id());
    }
}
