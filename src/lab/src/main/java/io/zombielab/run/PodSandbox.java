package io.zombielab.run;

import java.time.Duration;
import java.util.Optional;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * A cell's pod, as Kubernetes' runtime makes one (its "pod sandbox"): the pause container, started before the
 * cell's container, checked safe, and removed after it when closed. A cell that is no pod has none.
 */
public final class PodSandbox implements AutoCloseable {

    private final Optional<GenericContainer<?>> pause;

    private PodSandbox(Optional<GenericContainer<?>> pause) {
        this.pause = pause;
    }

    /** Starts the pod of {@code spec}'s cell, if it is a pod's; {@code what} names the cell in errors. */
    static PodSandbox start(ContainerSpec spec, String what) {
        return spec.pid1().pause().map(p -> start(p, what)).orElseGet(PodSandbox::none);
    }

    /** No pod: a container in a PID namespace of its own. */
    public static PodSandbox none() {
        return new PodSandbox(Optional.empty());
    }

    /** Starts a pod: its pause container, checked safe; {@code what} names what the pod is for in errors. */
    public static PodSandbox start(PauseSpec p, String what) {
        GenericContainer<?> pause = new GenericContainer<>(DockerImageName.parse(p.image()))
                // The helper image is built locally (HelperImage): a pull could only wait for a registry.
                .withImagePullPolicy(name -> false)
                .withLabels(p.labels())
                .withEnv(p.environment())
                .withCommand(PauseSpec.COMMAND.toArray(String[]::new))
                .waitingFor(Wait.forLogMessage(".*zombielab-event pause-ready.*", 1)
                        .withStartupTimeout(Duration.ofSeconds(30)))
                .withCreateContainerCmdModifier(
                        cmd -> p.limits().applyTo(cmd.getHostConfig().withReadonlyRootfs(true)));
        try {
            pause.start();
            ContainerSafety.require(
                    pause.getContainerInfo(), ContainerSafety.Kind.PAUSE, "the pause container of " + what);
        } catch (RuntimeException e) {
            pause.close();
            throw e;
        }
        return new PodSandbox(Optional.of(pause));
    }

    /** The pause container's id; empty for a cell that is no pod. */
    public Optional<String> pauseId() {
        return pause.map(GenericContainer::getContainerId);
    }

    /** Removes the pause container, which ends its PID namespace: whatever is left in it is killed. */
    @Override
    public void close() {
        pause.ifPresent(GenericContainer::close);
    }
}
