package io.zombielab.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What an action leaves behind, from the story's three stages as tables: a service (PID 1 node) that runs a
 * job sh -> job, and stops it by pid (the job lives on, re-parented to PID 1), by group without an init
 * (the job dies after its parent and stays a zombie), or cleanly.
 */
@Tag("unit")
class ProcessChangesTest {

    private static ProcessInfo p(int pid, int ppid, char state, long start, String comm) {
        return new ProcessInfo(
                pid,
                comm,
                ProcessState.of(state),
                ppid,
                pid,
                start,
                100,
                "",
                state == 'Z' ? "" : comm,
                OptionalLong.of(10));
    }

    private static Snapshot table(ProcessInfo... processes) {
        return new Snapshot(Instant.EPOCH, List.of(processes), CgroupFigures.UNKNOWN);
    }

    private static final ProcessInfo SERVICE = p(1, 0, 'S', 100, "node");

    @Test
    @DisplayName("nothing started, or all of it gone: no leak")
    void clean() {
        assertThat(new ProcessChanges(table(SERVICE), table(SERVICE)).leaksNothing())
                .isTrue();
    }

    @Test
    @DisplayName("the job an action started still alive under PID 1 (stopped by pid): an orphan")
    void startedAndOrphaned() {
        ProcessChanges c = new ProcessChanges(table(SERVICE), table(SERVICE, p(30, 1, 'S', 300, "job")));
        assertThat(c.orphans()).extracting(ProcessInfo::pid).containsExactly(30);
        assertThat(c.zombies()).isEmpty();
    }

    @Test
    @DisplayName("a job that ran before the action, orphaned to PID 1 by it: an orphan too (same pid, same start)")
    void orphanedByTheAction() {
        Snapshot before = table(SERVICE, p(20, 1, 'S', 200, "sh"), p(21, 20, 'S', 210, "job"));
        Snapshot after = table(SERVICE, p(21, 1, 'S', 210, "job"));
        assertThat(new ProcessChanges(before, after).orphans())
                .extracting(ProcessInfo::pid)
                .containsExactly(21);
    }

    @Test
    @DisplayName(
            "stopped by group under a PID 1 that never reaps: a zombie; one that was a zombie before is not the action's")
    void zombies() {
        ProcessInfo oldZombie = p(9, 1, 'Z', 90, "old");
        Snapshot before = table(SERVICE, oldZombie);
        Snapshot after = table(SERVICE, oldZombie, p(31, 1, 'Z', 310, "job"));
        ProcessChanges c = new ProcessChanges(before, after);
        assertThat(c.zombies()).extracting(ProcessInfo::pid).containsExactly(31);
        assertThat(c.orphans()).isEmpty();
    }

    @Test
    @DisplayName("a pid taken again by a new process is a new process")
    void pidReused() {
        Snapshot before = table(SERVICE, p(40, 1, 'S', 400, "old"));
        Snapshot after = table(SERVICE, p(40, 1, 'S', 999, "new"));
        assertThat(new ProcessChanges(before, after).orphans())
                .extracting(ProcessInfo::comm)
                .containsExactly("new");
    }
}
