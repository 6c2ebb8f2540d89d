package io.zombielab.run;

import io.zombielab.fixture.EventLog;
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
        ContainerSpec spec = ContainerSpec.of(scenario, image, runId);
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(spec.image()))
                // Images are local, built by ImageCatalog: a pull could only wait for a registry that is not there.
                .withImagePullPolicy(name -> false)
                .withLabels(spec.labels())
                .withCommand(spec.command().toArray(String[]::new))
                .withEnv(spec.environment())
                .withTmpFs(spec.tmpfs())
                .withLogConsumer(log)
                .waitingFor(Wait.forLogMessage(".*zombielab-event supervisor-ready.*", 1)
                        .withStartupTimeout(Duration.ofSeconds(30)))
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig()
                        .withReadonlyRootfs(spec.readOnlyRoot())
                        .withInit(spec.engineInit())
                        .withPidsLimit(spec.pidsLimit())
                        .withMemory(spec.memoryBytes())
                        .withMemorySwap(spec.memoryBytes()));
        spec.ports().forEach(container::addExposedPort);
        return container;
    }
}
