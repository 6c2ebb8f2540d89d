package io.zombielab.probe;

import static io.zombielab.probe.Figures.figures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The sidecar's snapshots, parsed: tables recorded from real containers (src/test/resources/probe, recorded
 * in the stage 1 and stage 2 cells) and hand-made ones for each rule of the format (zl-helper's snapshot.go).
 */
@Tag("unit")
class SnapshotParserTest {

    private static SnapshotParser.Parsed parse(String text) {
        return SnapshotParser.parse(text.lines().toList(), Instant.EPOCH);
    }

    private static String recorded(String name) throws IOException {
        try (InputStream in = SnapshotParserTest.class.getResourceAsStream("/probe/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    @DisplayName("stage 2 recorded: cycle 1's node levels are zombies of PID 1, cycle 2 runs, the observer is left out")
    void parsesZombiesAfterGroupTerm() throws IOException {
        Snapshot s = parse(recorded("none-pgid-term-c1-stopped-c2-running.txt")).snapshot();

        assertThat(s.processes()).extracting(ProcessInfo::pid).containsExactly(1, 22, 29, 37, 48, 49, 56);
        assertThat(s.process(22)).get().satisfies(p -> {
            assertThat(p.comm()).isEqualTo("zl-c1-L1");
            assertThat(p.isZombie()).isTrue();
            assertThat(p.ppid()).isEqualTo(1);
            assertThat(p.pgid()).isEqualTo(10);
            assertThat(p.rssKiB()).isZero();
            assertThat(p.chain()).isEmpty();
            assertThat(p.displayCommand()).isEqualTo("[zl-c1-L1] <defunct>");
        });
        assertThat(s.process(37)).get().satisfies(p -> {
            assertThat(p.comm()).isEqualTo("npm run start");
            assertThat(p.state()).isEqualTo(ProcessState.SLEEPING);
            assertThat(p.chain()).isEqualTo("c2");
            assertThat(p.rssKiB()).isEqualTo(20105L * 4);
            assertThat(p.cmdline()).isEqualTo("npm run start");
        });
        assertThat(s.zombieCount()).isEqualTo(2);
        assertThat(s.ofChain("c2")).extracting(ProcessInfo::pid).containsExactly(37, 48, 49, 56);
        assertThat(s.cgroup()).isEqualTo(figures(141877248L, 136019968L, 35L, PidsLimit.NONE, null, null));
    }

    @Test
    @DisplayName("stage 1 recorded: after SIGKILL to npm its shell and node levels live on under PID 1")
    void parsesOrphansAfterPidKill() throws IOException {
        Snapshot s = parse(recorded("none-pid-kill-c1-stopped-c2-running.txt")).snapshot();

        assertThat(s.zombieCount()).isZero();
        assertThat(s.ofChain("c1")).hasSize(3).allSatisfy(p -> assertThat(p.isAlive())
                .isTrue());
        assertThat(s.ofChain("c1"))
                .filteredOn(p -> p.comm().equals("sh"))
                .singleElement()
                .extracting(ProcessInfo::ppid)
                .isEqualTo(1);
    }

    /** The exec probe's bug: it failed whenever the last process it listed was a zombie (no RssAnon, no command). */
    @Test
    @DisplayName("a zombie listed last is read like any process: the snapshot is whole")
    void zombieLast() {
        Snapshot s = parse("zl-snapshot 1\nprobe-pid 50\n" + proc(1, 0, "init", 'S') + "rss-anon 1 900\n"
                        + proc(50, 0, "zl-helper", 'S') + proc(60, 1, "zl-c1-L2", 'Z') + "end 3\n")
                .snapshot();

        assertThat(s.processes()).extracting(ProcessInfo::pid).containsExactly(1, 60);
        assertThat(s.zombieCount()).isEqualTo(1);
        assertThat(s.process(60)).get().extracting(ProcessInfo::rssAnonKiB).isEqualTo(OptionalLong.of(0));
    }

    @Test
    @DisplayName("the sidecar and its children (orphans in the making) are not part of the observed table")
    void observerLeftOut() {
        String out = "zl-snapshot 1\nprobe-pid 50\n" + proc(1, 0, "init", 'S') + proc(50, 0, "zl-helper", 'S')
                + proc(51, 50, "zl-orphan-mid", 'S') + proc(52, 51, "zl-orphan", 'S') + proc(9, 1, "zl-orphan", 'Z')
                + "end 5\n";
        assertThat(parse(out).snapshot().processes())
                .extracting(ProcessInfo::pid)
                .containsExactly(1, 9);
    }

    @Test
    @DisplayName("escaped lines: a name holding a newline, parentheses and spaces; a command line holding a backslash")
    void escapes() {
        Snapshot s = parse(
                        "zl-snapshot 1\nprobe-pid 50\nproc 7 7 (a (b)\\nc) S 1 7 7 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 12345 0 99 0\n"
                                + "cmdline 7 node a\\\\b\nchain 7 c1\nend 1\n")
                .snapshot();
        assertThat(s.process(7)).get().satisfies(p -> {
            assertThat(p.comm()).isEqualTo("a (b)\nc");
            assertThat(p.cmdline()).isEqualTo("node a\\b");
            assertThat(p.chain()).isEqualTo("c1");
            assertThat(p.startTime()).isEqualTo(12345);
            assertThat(p.rssKiB()).isEqualTo(99 * 4);
        });
    }

    @Test
    @DisplayName("no cgroup file: the figures are unknown and the sidecar's reason is kept")
    void noCgroup() {
        SnapshotParser.Parsed p =
                parse("zl-snapshot 1\nprobe-pid 50\ncgroup-none open /proc/1/root/sys/fs/cgroup/memory.current: "
                        + "permission denied\n" + proc(1, 0, "init", 'S') + "end 1\n");
        assertThat(p.noCgroup()).hasValueSatisfying(r -> assertThat(r).contains("permission denied"));
        assertThat(p.snapshot().cgroup()).isEqualTo(CgroupFigures.UNKNOWN);
    }

    @Test
    @DisplayName("what is not a whole snapshot is refused, quoting what was wrong")
    void refusesWhatIsNotAWholeSnapshot() {
        assertThatThrownBy(() -> parse("probe-pid 1\n")).hasMessageContaining("not a zl-helper snapshot");
        assertThatThrownBy(() -> parse("zl-snapshot 1\nprobe-pid 50\n" + proc(1, 0, "init", 'S')))
                .hasMessageContaining("incomplete: no 'end' line");
        assertThatThrownBy(() -> parse("zl-snapshot 1\nprobe-pid 50\n" + proc(1, 0, "init", 'S') + "end 2\n"))
                .hasMessageContaining("'end 2' after 1 processes");
        assertThatThrownBy(() -> parse("zl-snapshot 1\nprobe-pid 50\nhello\nend 0\n"))
                .hasMessageContaining("line 3")
                .hasMessageContaining("hello");
        assertThatThrownBy(() -> parse("zl-snapshot 1\nproc 1 1 (x) S 0\nend 1\n"))
                .hasMessageContaining("no 'probe-pid' line");
        assertThatThrownBy(() -> parse("zl-snapshot 1\nprobe-pid 50\nproc 3 3 (x) S 1\nend 1\n"))
                .hasMessageContaining("fields after the name");
        assertThatThrownBy(() -> parse("zl-snapshot 1\nprobe-pid 50\nrss-anon 1 lots\nend 0\n"))
                .hasMessageContaining("line 3 of the snapshot is malformed");
    }

    @Test
    @DisplayName("an orphan report: reaped with the latency, or left in its state")
    void orphanReport() {
        OrphanReport r = OrphanReport.parse(
                List.of(
                        "orphan 22 adopted-by 1 reaped-after-us 57",
                        "orphan 30 adopted-by 1 reaped-after-us 1534",
                        "orphan 41 adopted-by 1 unreaped Z",
                        "end 3"),
                java.time.Duration.ofSeconds(3));
        assertThat(r.orphans()).hasSize(3);
        assertThat(r.unreaped()).isEqualTo(1);
        assertThat(r.slowestReap()).hasValue(java.time.Duration.ofNanos(1_534_000));
        assertThat(r.summary()).isEqualTo("2 of 3 reaped within 3000 ms, the slowest after 1.5 ms (1 left as zombies)");
        assertThatThrownBy(() -> OrphanReport.parse(List.of("orphan x"), java.time.Duration.ZERO))
                .hasMessageContaining("orphan x");
    }

    private static String proc(int pid, int ppid, String comm, char state) {
        return "proc " + pid + " " + pid + " (" + comm + ") " + state + " " + ppid + " " + pid
                + " 1 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 " + (1000 + pid) + " 0 10 0\n"
                + (state == 'Z' ? "" : "cmdline " + pid + " " + comm + "\n");
    }
}
