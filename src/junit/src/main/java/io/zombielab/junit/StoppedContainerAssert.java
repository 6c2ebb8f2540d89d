package io.zombielab.junit;

import io.zombielab.probe.ProcessTable;
import io.zombielab.probe.Snapshot;
import java.time.Duration;
import java.util.Arrays;
import org.assertj.core.api.AbstractAssert;
import org.testcontainers.containers.ContainerState;

/** The container once `docker stop` returned: how long it took, and how PID 1 ended. */
public final class StoppedContainerAssert extends AbstractAssert<StoppedContainerAssert, ContainerState> {

    private static final int SIGTERM_EXIT = 128 + 15;
    private static final int SIGKILL_EXIT = 128 + 9;

    private final Duration timeout;
    private final Duration took;
    private final long exitCode;
    private final Snapshot before;

    StoppedContainerAssert(ContainerState container, Duration timeout, Duration took, long exitCode, Snapshot before) {
        super(container, StoppedContainerAssert.class);
        this.timeout = timeout;
        this.took = took;
        this.exitCode = exitCode;
        this.before = before;
    }

    /** PID 1 ended by itself before the timeout, with exit code 0 or 143 (128+SIGTERM): it forwarded the stop. */
    public StoppedContainerAssert stoppedGracefully() {
        return stoppedGracefullyWith(0, SIGTERM_EXIT);
    }

    /** PID 1 ended by itself before the timeout, with one of {@code exitCodes}. */
    public StoppedContainerAssert stoppedGracefullyWith(int... exitCodes) {
        if (killedByTheEngine()) {
            fail("did not stop on its stop signal: the engine killed it after the " + timeout.toSeconds() + " s timeout");
        }
        if (Arrays.stream(exitCodes).noneMatch(c -> c == exitCode)) {
            fail("stopped, but with exit code " + exitCode + " (expected " + Arrays.toString(exitCodes) + ")");
        }
        return this;
    }

    /** `docker stop` returned within {@code most}: what a rolling deploy waits, per container. */
    public StoppedContainerAssert stoppedWithin(Duration most) {
        if (took.compareTo(most) > 0) {
            fail("took longer to stop than " + millis(most));
        }
        return this;
    }

    /** How long `docker stop` took. */
    public Duration took() {
        return took;
    }

    /** The container's exit code. */
    public long exitCode() {
        return exitCode;
    }

    private boolean killedByTheEngine() {
        return exitCode == SIGKILL_EXIT && took.compareTo(timeout) >= 0;
    }

    private void fail(String what) {
        failWithMessage("container %s: its PID 1, %s, %s (exit code %d; docker stop took %s)%nprocess table before the stop:%n%s",
                Describe.container(actual), Describe.pidOne(before), what, exitCode, millis(took), ProcessTable.format(before));
    }

    private static String millis(Duration d) {
        return d.toMillis() + " ms";
    }
}
