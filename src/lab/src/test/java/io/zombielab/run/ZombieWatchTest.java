package io.zombielab.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.zombielab.TestFigures;
import io.zombielab.probe.CgroupFigures;
import io.zombielab.probe.ProcessInfo;
import io.zombielab.probe.ProcessState;
import io.zombielab.probe.Snapshot;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ZombieWatchTest {

    private static final CgroupFigures CGROUP = TestFigures.figures(0, 0, 3, 512, 0, 0);
    private static final long MS = 1_000_000;

    private static Snapshot table(ProcessInfo... processes) {
        return new Snapshot(Instant.EPOCH, List.of(processes), CGROUP);
    }

    private static ProcessInfo zombie(int pid) {
        return new ProcessInfo(pid, "next-server (v1", ProcessState.ZOMBIE, 1, 9, pid * 10L, 0, "", "");
    }

    @Test
    @DisplayName("a zombie counts once it has been one for the grace; until then a reaper may still collect it")
    void youngZombiesArePending() {
        AtomicLong now = new AtomicLong(0);
        ZombieWatch watch = new ZombieWatch(now::get);
        assertThat(watch.pending(table())).isEmpty();
        assertThat(watch.pending(table(zombie(7))))
                .hasValueSatisfying(p -> assertThat(p).contains("pid 7"));
        now.set(499 * MS);
        assertThat(watch.pending(table(zombie(7)))).isPresent();
        now.set(500 * MS);
        assertThat(watch.pending(table(zombie(7)))).isEmpty();
        // A new one is young again; the old one does not hold it back.
        assertThat(watch.pending(table(zombie(7), zombie(8))))
                .hasValueSatisfying(p -> assertThat(p).contains("pid 8").doesNotContain("pid 7"));
    }

    @Test
    @DisplayName("a zombie reaped within the grace leaves nothing pending")
    void reapedZombieIsForgotten() {
        AtomicLong now = new AtomicLong(0);
        ZombieWatch watch = new ZombieWatch(now::get);
        assertThat(watch.pending(table(zombie(7)))).isPresent();
        now.set(3 * MS);
        assertThat(watch.pending(table())).isEmpty();
    }
}
