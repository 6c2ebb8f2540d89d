package io.zombielab.junit;

import io.zombielab.probe.OrphanReport;
import io.zombielab.probe.OrphanRequest;
import io.zombielab.probe.ProbeSidecar;
import io.zombielab.probe.ProcessChanges;
import io.zombielab.probe.Settle;
import io.zombielab.probe.Snapshot;
import java.time.Duration;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;
import org.testcontainers.containers.ContainerState;

/** Checks of one running container; each one below makes its observation, then asserts on it. */
public final class ContainerAssert extends AbstractAssert<ContainerAssert, ContainerState> {

    /** A PID 1 that reaps does it on SIGCHLD, within milliseconds; zombies still there after this stay. */
    public static final Duration REAP_WINDOW = Duration.ofSeconds(3);
    /** How long what an action started may take to end once the action has returned. */
    public static final Duration SETTLE_WINDOW = Duration.ofSeconds(5);

    ContainerAssert(ContainerState container) {
        super(container, ContainerAssert.class);
    }

    /**
     * Makes {@code count} orphans in the container (each exits as soon as PID 1 has adopted it) and times
     * how long PID 1 takes to reap each, up to {@link #REAP_WINDOW}; then assert on what is left.
     */
    public OrphanedContainerAssert afterOrphaning(int count) {
        return afterOrphaning(count, REAP_WINDOW);
    }

    /** {@link #afterOrphaning(int)} with a window of your own: a zombie still there after it is not reaped. */
    public OrphanedContainerAssert afterOrphaning(int count, Duration window) {
        requireRunning();
        if (!OrphanRequest.countAllowed(count)) {
            failWithMessage("afterOrphaning needs 1 to %d orphans, got %d", OrphanRequest.MAX_COUNT, count);
        }
        return afterOrphaning(new OrphanRequest(count, Duration.ZERO, window));
    }

    /**
     * {@link #afterOrphaning(int)} with every figure given: how many, how evenly they exit, and the window; validate's
     * orphan promises make theirs by the same request ({@code Grading.orphans()}), so both can be held to one.
     */
    public OrphanedContainerAssert afterOrphaning(OrphanRequest orphans) {
        requireRunning();
        try (ProbeSidecar sidecar = sidecar()) {
            OrphanReport report = sidecar.makeOrphans(orphans);
            return new OrphanedContainerAssert(actual, report, sidecar.snapshot());
        }
    }

    /**
     * Stops the container the way {@code docker stop} does: its stop signal (SIGTERM unless the image says
     * otherwise) to PID 1, then SIGKILL from the engine if it is still running after {@code timeout}; and
     * times it. Testcontainers' own {@code stop()} is SIGKILL at once, so it cannot tell.
     */
    public StoppedContainerAssert afterGracefulStop(Duration timeout) {
        requireRunning();
        Snapshot before;
        try (ProbeSidecar sidecar = sidecar()) {
            before = sidecar.snapshot();
        }
        return GracefulStop.of(actual, timeout, before);
    }

    /**
     * Runs {@code action} (an HTTP call that starts and stops a job, say), waits until what it started has
     * ended or {@link #SETTLE_WINDOW} has passed, then assert that it left nothing: no process it started
     * still alive, none it orphaned, no zombie.
     */
    public ActionAssert afterRunning(Action action) {
        return afterRunning(action, SETTLE_WINDOW);
    }

    /** {@link #afterRunning(Action)} with a settle window of your own. */
    public ActionAssert afterRunning(Action action, Duration settle) {
        Objects.requireNonNull(action, "action");
        requireRunning();
        try (ProbeSidecar sidecar = sidecar()) {
            Snapshot before = sidecar.snapshot();
            try {
                action.run();
            } catch (Exception e) {
                throw new AssertionError("the action under check failed: " + e, e);
            }
            ProcessChanges changes = Settle.after(sidecar, before, settle);
            return new ActionAssert(actual, changes, settle);
        }
    }

    /** Something a test does to the service in the container: start a job and stop it, say. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    private void requireRunning() {
        isNotNull();
        if (!actual.isRunning()) {
            failWithMessage(
                    "container %s is not running: start it before checking its PID 1", Describe.container(actual));
        }
    }

    private ProbeSidecar sidecar() {
        ProbeSidecar sidecar = new ProbeSidecar(actual);
        sidecar.start();
        return sidecar;
    }
}
