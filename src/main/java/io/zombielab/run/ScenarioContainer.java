package io.zombielab.run;

import io.zombielab.image.Labels;
import io.zombielab.scenario.NextAppWorkload;
import io.zombielab.scenario.Scenario;
import java.time.Duration;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/** Creates the container a scenario runs in: its image, limits, labels, reaper and supervisor settings. */
final class ScenarioContainer {

    private ScenarioContainer() {
    }

    static GenericContainer<?> create(Scenario scenario, String image, String runId, EventLog log) {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image))
                // Images are local, built by ImageCatalog: a pull could only wait for a registry that is not there.
                .withImagePullPolicy(name -> false)
                .withLabels(Labels.scenarioContainer(runId, scenario.id()))
                .withCommand(scenario.supervisor().command())
                .withEnv("ZOMBIELAB_KILL", scenario.kill().id())
                .withEnv("ZOMBIELAB_WORKLOAD_DIR", scenario.workload().directory())
                .withEnv(scenario.workload().environment())
                // pgid-term-then-kill: the chain is gone in milliseconds; under a PID 1 that never reaps, the
                // zombies keep the group alive and the whole grace is waited for, every cycle.
                .withEnv("ZOMBIELAB_GRACE_MS", "1000")
                // The fixtures are read-only: the root file system is, and only /tmp (in memory, counted in
                // the cell's memory limit) can be written; npm keeps its cache and logs there.
                .withTmpFs(java.util.Map.of("/tmp", "rw,nosuid,size=64m"))
                .withEnv("npm_config_cache", "/tmp/npm-cache")
                .withExposedPorts(SupervisorClient.CONTROL_PORT)
                .withLogConsumer(log)
                .waitingFor(Wait.forLogMessage(".*zombielab-event supervisor-ready.*", 1)
                        .withStartupTimeout(Duration.ofSeconds(30)))
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig()
                        .withReadonlyRootfs(true)
                        .withInit(scenario.reaper().injectedByEngine())
                        .withPidsLimit(scenario.limits().pidsLimit())
                        .withMemory(scenario.limits().memoryBytes())
                        .withMemorySwap(scenario.limits().memoryBytes()));
        if (scenario.workload() instanceof NextAppWorkload app) {
            // Each cycle's server gets a port of its own, each mapped to localhost for the readiness check.
            for (int cycle = 1; cycle <= scenario.cycles(); cycle++) {
                container.addExposedPort(app.port(cycle));
            }
        }
        return container;
    }
}
