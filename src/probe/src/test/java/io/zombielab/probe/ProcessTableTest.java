package io.zombielab.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The process table as failures show it: like ps, a zombie named as ps names it, the cgroup's figures below. */
@Tag("unit")
class ProcessTableTest {

    private static final CgroupFigures FIGURES = Figures.figures(15L << 20, 14L << 20, 8L, PidsLimit.NONE, 0L, 0L);

    @Test
    @DisplayName("a user's container: no CHAIN column, a zombie as [name] <defunct>, an unlimited pids.max as max")
    void usersContainer() {
        Snapshot s = new Snapshot(
                Instant.EPOCH,
                List.of(
                        new ProcessInfo(30, "node", ProcessState.ZOMBIE, 1, 23, 9, 0, "", "", OptionalLong.of(0)),
                        new ProcessInfo(
                                1,
                                "node",
                                ProcessState.SLEEPING,
                                0,
                                1,
                                1,
                                50104,
                                "",
                                "node /app/job-service.js",
                                OptionalLong.of(100))),
                FIGURES);
        assertThat(ProcessTable.format(s)).isEqualTo("""
                   PID   PPID   PGID STAT  RSS(KiB) COMMAND
                     1      0      1 S        50104 node /app/job-service.js
                    30      1     23 Z            0 [node] <defunct>
                cgroup: memory 15 MiB (anon rss 14 MiB), pids 8 of max
                """);
    }

    @Test
    @DisplayName("the lab's chains: a CHAIN column, unknown figures as ?")
    void labChains() {
        Snapshot s = new Snapshot(
                Instant.EPOCH,
                List.of(new ProcessInfo(
                        9, "zl-c1-L1", ProcessState.SLEEPING, 1, 9, 9, 4, "c1", "zl-c1-L1", OptionalLong.of(4))),
                Figures.figures(null, null, null, PidsLimit.of(64), null, null));
        assertThat(ProcessTable.format(s)).isEqualTo("""
                   PID   PPID   PGID STAT  RSS(KiB) CHAIN  COMMAND
                     9      1      9 S            4 c1     zl-c1-L1
                cgroup: memory ? (anon rss ?), pids ? of 64
                """);
    }
}
