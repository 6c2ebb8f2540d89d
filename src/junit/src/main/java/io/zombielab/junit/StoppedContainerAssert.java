package io.zombielab.junit;

import io.zombielab.probe.ProcessTable;
import io.zombielab.probe.Snapshot;
import io.zombielab.probe.StopRule;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;
import org.testcontainers.containers.ContainerState;

/** The container once `docker stop` returned: how long it took, and how PID 1 ended. */
public final class StoppedContainerAssert extends AbstractAssert<StoppedContainerAssert, ContainerState> {

    private final StopRule.Stop stop;
    private final Snapshot before;

    StoppedContainerAssert(ContainerState container, StopRule.Stop stop, Snapshot before) {
        super(container, StoppedContainerAssert.class);
        this.stop = stop;
        this.before = before;
    }

    /** PID 1 ended by itself before the timeout, with exit code 0 or 143 (128+SIGTERM): it forwarded the stop. */
    public StoppedContainerAssert stoppedGracefully() {
        return stoppedGracefullyBy(StopRule.DEFAULT);
    }

    /** PID 1 ended by itself before the timeout, with one of {@code exitCodes}. */
    public StoppedContainerAssert stoppedGracefullyWith(int... exitCodes) {
        return stoppedGracefullyBy(new StopRule(Arrays.stream(exitCodes).boxed().collect(Collectors.toSet())));
    }

    /** PID 1 ended by itself before the timeout, with a code {@code rule} accepts: validate's rule, say. */
    public StoppedContainerAssert stoppedGracefullyBy(StopRule rule) {
        if (rule.ending(stop) != StopRule.Ending.STOPPED) {
            fail(rule.words(stop));
        }
        return this;
    }

    /** `docker stop` returned within {@code most}: what a rolling deploy waits, per container. */
    public StoppedContainerAssert stoppedWithin(Duration most) {
        if (stop.took().compareTo(most) > 0) {
            fail("took longer to stop than " + millis(most));
        }
        return this;
    }

    /** How long `docker stop` took. */
    public Duration took() {
        return stop.took();
    }

    /** The container's exit code. */
    public long exitCode() {
        return stop.exitCode().orElseThrow();
    }

    /** The stop as the engine reported it, for checks of your own with {@link StopRule}. */
    public StopRule.Stop stop() {
        return stop;
    }

    private void fail(String what) {
        failWithMessage(
                "container %s: its PID 1, %s, %s (exit code %d; docker stop took %s)%nprocess table before the stop:%n%s",
                Describe.container(actual),
                Describe.pidOne(before),
                what,
                exitCode(),
                millis(stop.took()),
                ProcessTable.format(before));
    }

    private static String millis(Duration d) {
        return d.toMillis() + " ms";
    }
}
