package io.zombielab.junit;

import io.zombielab.probe.OrphanReport;
import io.zombielab.probe.ProcessTable;
import io.zombielab.probe.Snapshot;
import java.time.Duration;
import org.assertj.core.api.AbstractAssert;
import org.testcontainers.containers.ContainerState;

/** The container once the orphans made in it have exited: what its PID 1 did with them, and how fast. */
public final class OrphanedContainerAssert extends AbstractAssert<OrphanedContainerAssert, ContainerState> {

    private final OrphanReport report;
    private final Snapshot left;

    OrphanedContainerAssert(ContainerState container, OrphanReport report, Snapshot left) {
        super(container, OrphanedContainerAssert.class);
        this.report = report;
        this.left = left;
    }

    /** PID 1 reaped every orphan within the window. */
    public OrphanedContainerAssert hasNoZombies() {
        return hasAtMostZombies(0);
    }

    /** At most {@code most} of the orphans were still zombies when the window ended. */
    public OrphanedContainerAssert hasAtMostZombies(int most) {
        if (report.unreaped() > most) {
            failWithMessage(
                    "container %s: %d zombie(s) %d s after %d orphans exited (at most %d expected): its PID 1, "
                            + "%s, does not reap the processes it adopts%n%s",
                    Describe.container(actual),
                    report.unreaped(),
                    report.window().toSeconds(),
                    report.orphans().size(),
                    most,
                    Describe.pidOne(left),
                    ProcessTable.format(left));
        }
        return this;
    }

    /** Every orphan was reaped, the slowest within {@code most} of its exit: a reaper that polls is slow. */
    public OrphanedContainerAssert reapedWithin(Duration most) {
        hasNoZombies();
        Duration slowest = report.slowestReap().orElse(Duration.ZERO);
        // The rule validate's reaps-orphans applies with its latency bound.
        if (report.ending(most) == OrphanReport.Ending.REAPED_SLOWLY) {
            failWithMessage(
                    "container %s: its PID 1, %s, reaps, but slowly: the slowest of %d orphans was reaped %.1f ms "
                            + "after it exited (at most %d ms expected)%n%s",
                    Describe.container(actual),
                    Describe.pidOne(left),
                    report.orphans().size(),
                    slowest.toNanos() / 1e6,
                    most.toMillis(),
                    ProcessTable.format(left));
        }
        return this;
    }

    /** What became of each orphan, and the reap latency of those reaped. */
    public OrphanReport report() {
        return report;
    }

    /** The process table once the window ended. */
    public Snapshot processTable() {
        return left;
    }
}
