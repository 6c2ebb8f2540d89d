package io.zombielab.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.zombielab.TestFigures;
import io.zombielab.fixture.Chain;
import io.zombielab.probe.CgroupFigures;
import io.zombielab.probe.ProcessInfo;
import io.zombielab.probe.ProcessState;
import io.zombielab.probe.Snapshot;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ProcessTreeTest {

    private static ProcessInfo p(int pid, int ppid, String comm, char state, String chain) {
        return new ProcessInfo(pid, comm, ProcessState.of(state), ppid, 7, pid, 1000, chain, comm);
    }

    private static final CgroupFigures CGROUP = TestFigures.figures(0, 0, 5, 512, 0, 0);

    @Test
    @DisplayName("the tree of a cycle is its live processes from npm down, other cycles and zombies left out")
    void treeOfOneCycle() {
        Snapshot s = new Snapshot(
                Instant.EPOCH,
                List.of(
                        p(1, 0, "supervisor-go", 'S', ""),
                        p(20, 1, "next-server (v1", 'S', "c1"), // an orphan of cycle 1
                        p(30, 1, "npm run start", 'S', "c2"),
                        p(31, 30, "sh", 'S', "c2"),
                        p(32, 31, "next-server (v1", 'S', "c2"),
                        p(40, 1, "next-server (v1", 'Z', "")),
                CGROUP);
        ProcessTree tree = ProcessTree.of(s, new Chain(2));
        assertThat(tree.names()).isEqualTo("npm run start -> sh -> next-server (v1");
        assertThat(tree.matches(List.of("npm run start", "sh", "next-server*"))).isTrue();
        assertThat(tree.render()).isEqualTo("30 npm run start\n  31 sh\n    32 next-server (v1");
    }

    @Test
    @DisplayName("a missing level, an extra one or a branch does not match the expected line of descent")
    void mismatches() {
        List<String> expected = List.of("npm run start", "sh", "next-server*");
        ProcessTree noShell = ProcessTree.of(
                new Snapshot(
                        Instant.EPOCH,
                        List.of(p(30, 1, "npm run start", 'S', "c1"), p(32, 30, "next-server (v1", 'S', "c1")),
                        CGROUP),
                new Chain(1));
        assertThat(noShell.matches(expected)).isFalse();
        ProcessTree branch = ProcessTree.of(
                new Snapshot(
                        Instant.EPOCH,
                        List.of(
                                p(30, 1, "npm run start", 'S', "c1"),
                                p(31, 30, "sh", 'S', "c1"),
                                p(33, 30, "next-server (v1", 'S', "c1")),
                        CGROUP),
                new Chain(1));
        assertThat(branch.names()).isEqualTo("npm run start -> sh | next-server (v1");
        assertThat(branch.matches(expected)).isFalse();
        assertThat(ProcessTree.NONE.names()).isEqualTo("(nothing observed)");
    }
}
