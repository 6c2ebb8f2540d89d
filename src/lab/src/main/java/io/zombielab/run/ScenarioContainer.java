package io.zombielab.run;

import com.github.dockerjava.api.model.HostConfig;
import io.zombielab.fixture.EventLog;
import java.time.Duration;
import java.util.Optional;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * Creates the container a scenario runs in: its image, limits, labels, reaper and supervisor settings, and for
 * a pod that shares its PID namespace, that namespace (its pause container's).
 */
final class ScenarioContainer {

    private ScenarioContainer() {}

    /** The container {@code spec} describes; {@code pod}'s pause container must have started, where it has one. */
    static GenericContainer<?> create(ContainerSpec spec, PodSandbox pod, EventLog log) {
        Optional<String> pidMode = spec.pidMode(pod.pauseId());
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(spec.image()))
                // Images are local, built by ImageCatalog: a pull could only wait for a registry that is not there.
                .withImagePullPolicy(name -> false)
                .withLabels(spec.labels())
                .withCommand(spec.command().toArray(String[]::new))
                .withEnv(spec.environment())
                .withTmpFs(spec.confined().tmpfs())
                .withLogConsumer(log)
                .waitingFor(Wait.forLogMessage(".*zombielab-event supervisor-ready.*", 1)
                        .withStartupTimeout(Duration.ofSeconds(30)))
                .withCreateContainerCmdModifier(cmd -> {
                    HostConfig host = cmd.getHostConfig()
                            .withReadonlyRootfs(spec.confined().readOnlyRoot())
                            .withInit(spec.pid1().engineInit())
                            .withPidsLimit(spec.confined().pidsLimit())
                            .withMemory(spec.confined().memoryBytes())
                            .withMemorySwap(spec.confined().memoryBytes());
                    pidMode.ifPresent(host::withPidMode);
                });
        spec.ports().forEach(container::addExposedPort);
        return container;
    }
}
