package io.zombielab.assertions;

import static org.awaitility.Awaitility.await;

import io.zombielab.Lab;
import io.zombielab.observe.Probe;
import io.zombielab.observe.Snapshot;
import io.zombielab.run.ProbeChoice;
import io.zombielab.run.PromiseKit;
import java.io.IOException;
import java.time.Duration;
import org.assertj.core.api.AbstractAssert;
import org.awaitility.core.ConditionTimeoutException;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.builder.Transferable;

/** Assertions on a running container's PID 1; start with {@link #afterOrphaning(int)}. */
public final class ContainerAssert extends AbstractAssert<ContainerAssert, GenericContainer<?>> {

    /** A PID 1 that reaps does it on SIGCHLD, within milliseconds; zombies still there after this stay. */
    static final Duration REAP_WINDOW = Duration.ofSeconds(3);

    private final Lab lab;

    ContainerAssert(GenericContainer<?> container, Lab lab) {
        super(container, ContainerAssert.class);
        this.lab = lab;
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
        PromiseKit kit = lab.promiseKit();
        actual.copyFileToContainer(Transferable.of(kit.binary(), 0755), PromiseKit.IN_CONTAINER);
        Container.ExecResult made;
        try {
            made = actual.execInContainer(PromiseKit.IN_CONTAINER, "orphans", "--count", Integer.toString(count),
                    "--then-exit", "0");
        } catch (IOException e) {
            throw new IllegalStateException("could not make orphans in " + actual.getDockerImageName() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making orphans", e);
        }
        if (made.getExitCode() != 0 || !made.getStdout().contains("orphans-done count=" + count + " exited=" + count)) {
            failWithMessage("could not make %d orphans in %s (exit %d):%n%s%s", count, actual.getDockerImageName(),
                    made.getExitCode(), made.getStdout(), made.getStderr());
        }
        Probe probe = ProbeChoice.forContainer(actual);
        Snapshot left;
        try {
            left = await().atMost(REAP_WINDOW).pollInterval(Duration.ofMillis(50)).until(probe::snapshot, s -> s.zombieCount() == 0);
        } catch (ConditionTimeoutException e) {
            left = probe.snapshot();
        }
        return new OrphanedContainerAssert(actual, count, left);
    }
}
