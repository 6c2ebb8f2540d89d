package io.zombielab.assertions;

import io.zombielab.observe.ChainLedger;
import io.zombielab.observe.ProcessInfo;
import io.zombielab.observe.ProcessTableFormatter;
import io.zombielab.observe.Snapshot;
import org.assertj.core.api.AbstractAssert;
import org.testcontainers.containers.GenericContainer;

/** The container once its orphans have exited: what PID 1 left of them. */
public final class OrphanedContainerAssert extends AbstractAssert<OrphanedContainerAssert, GenericContainer<?>> {

    private final int orphans;
    private final Snapshot left;

    OrphanedContainerAssert(GenericContainer<?> container, int orphans, Snapshot left) {
        super(container, OrphanedContainerAssert.class);
        this.orphans = orphans;
        this.left = left;
    }

    /** PID 1 reaped every orphan it adopted. */
    public OrphanedContainerAssert hasNoZombies() {
        return hasAtMostZombies(0);
    }

    public OrphanedContainerAssert hasAtMostZombies(int most) {
        long zombies = left.zombieCount();
        if (zombies > most) {
            String pidOne = left.process(1).map(ProcessInfo::displayCommand).orElse("?");
            failWithMessage("container %s: %d zombie(s) %d s after %d orphans exited (at most %d expected): its PID 1, "
                            + "'%s', does not reap the processes it adopts%n%s", actual.getDockerImageName(), zombies,
                    ContainerAssert.REAP_WINDOW.toSeconds(), orphans, most, pidOne,
                    ProcessTableFormatter.format(left, new ChainLedger()));
        }
        return this;
    }

    /** The process table after the orphans exited, for your own checks. */
    public Snapshot processTable() {
        return left;
    }
}
