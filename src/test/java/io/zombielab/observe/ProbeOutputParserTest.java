package io.zombielab.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The parser against probe output recorded from real containers (src/test/resources/probe). */
class ProbeOutputParserTest {

    private final ProbeOutputParser parser = new ProbeOutputParser();

    private static String recorded(String name) throws IOException {
        try (InputStream in = ProbeOutputParserTest.class.getResourceAsStream("/probe/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    @DisplayName("stage 2 recorded: cycle 1's node levels are zombies of PID 1, cycle 2 runs, the probe is left out")
    void parsesZombiesAfterGroupTerm() throws IOException {
        Snapshot s = parser.parse(recorded("none-pgid-term-c1-stopped-c2-running.txt"), Instant.EPOCH);

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
            assertThat(p.state()).isEqualTo('S');
            assertThat(p.chain()).isEqualTo("c2");
            assertThat(p.rssKiB()).isEqualTo(20105L * 4);
            assertThat(p.cmdline()).isEqualTo("npm run start");
        });
        assertThat(s.zombieCount()).isEqualTo(2);
        assertThat(s.ofChain("c2")).extracting(ProcessInfo::pid).containsExactly(37, 48, 49, 56);
        assertThat(s.cgroup()).isEqualTo(new CgroupFigures(141877248L, 136019968L, 35L, -1L, -1L));
    }

    @Test
    @DisplayName("stage 1 recorded: after SIGKILL to npm its shell and node levels live on under PID 1")
    void parsesOrphansAfterPidKill() throws IOException {
        Snapshot s = parser.parse(recorded("none-pid-kill-c1-stopped-c2-running.txt"), Instant.EPOCH);

        assertThat(s.zombieCount()).isZero();
        assertThat(s.ofChain("c1")).hasSize(3).allSatisfy(p -> assertThat(p.isAlive()).isTrue());
        assertThat(s.ofChain("c1")).filteredOn(p -> p.comm().equals("sh")).singleElement()
                .extracting(ProcessInfo::ppid).isEqualTo(1);
    }

    @Test
    @DisplayName("a process name holding spaces and parentheses is read whole")
    void nameWithParentheses() {
        ProcessInfo p = parser.parseProcess(
                "7 (a (b) c) S 1 7 7 0 -1 4194304 0 0 0 0 0 0 0 0 20 0 1 0 12345 0 99 18446744073709551615", "c1", "x", 1);
        assertThat(p.comm()).isEqualTo("a (b) c");
        assertThat(p.startTime()).isEqualTo(12345);
        assertThat(p.rssKiB()).isEqualTo(99 * 4);
    }

    @Test
    @DisplayName("the probe's own shell and its children are not part of the scenario")
    void probeAndItsChildrenLeftOut() {
        String out = "probe-pid 50\n"
                + proc(1, 0, "init") + proc(50, 0, "zl-probe") + proc(51, 50, "cat") + proc(52, 51, "deeper") + proc(9, 1, "app");
        assertThat(parser.parse(out, Instant.EPOCH).processes()).extracting(ProcessInfo::pid).containsExactly(1, 9);
    }

    @Test
    @DisplayName("anonymous memory per process and the OOM kill count are read where the probe prints them")
    void rssAnonAndOomKills() {
        String out = "probe-pid 50\ncgroup memory.oom_kills 2\n" + proc(1, 0, "init") + "rss-anon 1 4321\n" + proc(9, 1, "app");
        Snapshot s = parser.parse(out, Instant.EPOCH);
        assertThat(s.cgroup().oomKills()).isEqualTo(2);
        assertThat(s.processes()).extracting(ProcessInfo::rssAnonKiB).containsExactly(4321L, -1L);
        assertThat(parser.parse("probe-pid 50\ncgroup memory.oom_kills \n", Instant.EPOCH).cgroup().oomKills())
                .as("a kernel without the counter").isEqualTo(-1);
        assertThatThrownBy(() -> parser.parse("probe-pid 50\nrss-anon 1 lots\n", Instant.EPOCH))
                .hasMessageContaining("line 2 is not 'rss-anon <pid> <KiB>'");
    }

    @Test
    @DisplayName("output that is not the probe's is refused, naming the line")
    void refusesForeignOutput() {
        assertThatThrownBy(() -> parser.parse("probe-pid 1\nhello\n", Instant.EPOCH))
                .hasMessageContaining("unexpected line 2").hasMessageContaining("hello");
        assertThatThrownBy(() -> parser.parse(proc(1, 0, "x"), Instant.EPOCH)).hasMessageContaining("no 'probe-pid' line");
        assertThatThrownBy(() -> parser.parse("probe-pid 1\nproc 3\n3 (x) S 1\n\n\n", Instant.EPOCH))
                .hasMessageContaining("fields after the name");
        assertThatThrownBy(() -> parser.parse("probe-pid 1\ncgroup pids.current lots\n", Instant.EPOCH))
                .hasMessageContaining("not a number");
    }

    private static String proc(int pid, int ppid, String comm) {
        return "proc " + pid + "\n" + pid + " (" + comm + ") S " + ppid + " " + pid + " 1 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 "
                + (1000 + pid) + " 0 10 0\n\n" + comm + "\n";
    }
}
