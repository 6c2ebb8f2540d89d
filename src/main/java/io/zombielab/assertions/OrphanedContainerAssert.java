package io.zombielab.assertions;

import io.zombielab.probe.OrphanReport;
import io.zombielab.probe.ProcessInfo;
import io.zombielab.probe.ProcessTable;
import io.zombielab.probe.Snapshot;
import org.assertj.core.api.AbstractAssert;
import org.testcontainers.containers.GenericContainer;

/** The container once its orphans have exited: what PID 1 left of them. */
public final class OrphanedContainerAssert extends AbstractAssert<OrphanedContainerAssert, GenericContainer<?>> {

    private final OrphanReport report;
    private final Snapshot left;

    OrphanedContainerAssert(GenericContainer<?> container, OrphanReport report, Snapshot left) {
        super(container, OrphanedContainerAssert.class);
        this.report = report;
        this.left = left;
    }

    /** PID 1 reaped every orphan it adopted. */
    public OrphanedContainerAssert hasNoZombies() {
        return hasAtMostZombies(0);
    }

    public OrphanedContainerAssert hasAtMostZombies(int most) {
        long zombies = report.unreaped();
        if (zombies > most) {
            String pidOne = left.process(1).map(ProcessInfo::displayCommand).orElse("?");
            failWithMessage("container %s: %d zombie(s) %d s after %d orphans exited (at most %d expected): its PID 1, "
                            + "'%s', does not reap the processes it adopts%n%s", actual.getDockerImageName(), zombies,
                    report.window().toSeconds(), report.orphans().size(), most, pidOne, ProcessTable.format(left));
        }
        return this;
    }

    /** What became of each orphan, with the reap latency of those reaped. */
    public OrphanReport report() {
        return report;
    }

    /** The process table after the orphans exited, for your own checks. */
    public Snapshot processTable() {
        return left;
    }
}
