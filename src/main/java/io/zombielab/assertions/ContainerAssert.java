package io.zombielab.assertions;

import io.zombielab.probe.OrphanReport;
import io.zombielab.probe.ProbeSidecar;
import io.zombielab.probe.Snapshot;
import java.time.Duration;
import org.assertj.core.api.AbstractAssert;
import org.testcontainers.containers.GenericContainer;

/** Assertions on a running container's PID 1; start with {@link #afterOrphaning(int)}. */
public final class ContainerAssert extends AbstractAssert<ContainerAssert, GenericContainer<?>> {

    /** A PID 1 that reaps does it on SIGCHLD, within milliseconds; zombies still there after this stay. */
    static final Duration REAP_WINDOW = Duration.ofSeconds(3);

    ContainerAssert(GenericContainer<?> container) {
        super(container, ContainerAssert.class);
    }

    /**
     * Makes {@code count} orphans in the container (each exits once PID 1 has adopted it) and waits until
     * PID 1 has reaped them or {@link #REAP_WINDOW} has passed; then assert on what is left.
     */
    public OrphanedContainerAssert afterOrphaning(int count) {
        isNotNull();
        if (count < 1) {
            failWithMessage("afterOrphaning needs at least 1 orphan, got %d", count);
        }
        if (!actual.isRunning()) {
            failWithMessage("container %s is not running: start it before checking its PID 1", actual.getDockerImageName());
        }
        try (ProbeSidecar sidecar = new ProbeSidecar(actual)) {
            sidecar.start();
            OrphanReport report = sidecar.makeOrphans(count, REAP_WINDOW);
            Snapshot left = sidecar.snapshot();
            return new OrphanedContainerAssert(actual, report, left);
        }
    }
}
