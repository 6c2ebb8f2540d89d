package io.zombielab.junit;

import io.zombielab.probe.ProcessChanges;
import io.zombielab.probe.ProcessTable;
import java.time.Duration;
import org.assertj.core.api.AbstractAssert;
import org.testcontainers.containers.ContainerState;

/** The container once an action has run and settled: what the action left behind. */
public final class ActionAssert extends AbstractAssert<ActionAssert, ContainerState> {

    private final ProcessChanges changes;
    private final Duration settle;

    ActionAssert(ContainerState container, ProcessChanges changes, Duration settle) {
        super(container, ActionAssert.class);
        this.changes = changes;
        this.settle = settle;
    }

    /** No process is left alive that the action started, or orphaned to PID 1. */
    public ActionAssert leavesNoOrphans() {
        if (!changes.orphans().isEmpty()) {
            fail(changes.orphanWords());
        }
        return this;
    }

    /** No process is left a zombie that was not one before. */
    public ActionAssert leavesNoZombies() {
        if (!changes.zombies().isEmpty()) {
            fail(changes.zombieWords());
        }
        return this;
    }

    /** Neither orphans nor zombies. */
    public ActionAssert leaksNothing() {
        return leavesNoZombies().leavesNoOrphans();
    }

    /** The tables before and after, for checks of your own. */
    public ProcessChanges changes() {
        return changes;
    }

    private void fail(String what) {
        failWithMessage(
                "container %s, PID 1 %s: %d s after the action, it left %s%nprocess table before the action:%n%s"
                        + "process table after:%n%s",
                Describe.container(actual),
                Describe.pidOne(changes.after()),
                settle.toSeconds(),
                what,
                ProcessTable.format(changes.before()),
                ProcessTable.format(changes.after()));
    }
}
