package io.zombielab.junit;

import io.zombielab.probe.Snapshot;
import io.zombielab.probe.StopRule;
import java.time.Duration;
import java.util.Optional;
import org.testcontainers.containers.ContainerState;

/** One `docker stop` of a container with a timeout, timed, and the exit code it ended with. */
final class GracefulStop {

    private GracefulStop() {}

    static StoppedContainerAssert of(ContainerState container, Duration timeout, Snapshot before) {
        if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException(
                    "the engine's stop timeout is whole seconds, at least 1: not " + timeout);
        }
        var docker = container.getDockerClient();
        long start = System.nanoTime();
        docker.stopContainerCmd(container.getContainerId())
                .withTimeout((int) timeout.toSeconds())
                .exec();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        var state =
                docker.inspectContainerCmd(container.getContainerId()).exec().getState();
        if (state.getExitCodeLong() == null || Boolean.TRUE.equals(state.getRunning())) {
            throw new IllegalStateException("container " + Describe.container(container)
                    + ": docker stop returned, but the engine " + "reports it still running, with no exit code");
        }
        return new StoppedContainerAssert(
                container, new StopRule.Stop(Optional.of(state.getExitCodeLong()), took, timeout), before);
    }
}
