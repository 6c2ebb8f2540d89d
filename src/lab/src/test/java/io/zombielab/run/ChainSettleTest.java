package io.zombielab.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.zombielab.probe.CgroupFigures;
import io.zombielab.probe.ProcessInfo;
import io.zombielab.probe.Snapshot;
import io.zombielab.scenario.KillStrategy;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.output.OutputFrame;

class ChainSettleTest {

    private static EventLog log(String... lines) {
        EventLog log = new EventLog();
        for (String line : lines) {
            log.accept(new OutputFrame(OutputFrame.OutputType.STDOUT, (line + "\n").getBytes()));
        }
        return log;
    }

    private static Snapshot table(ProcessInfo... processes) {
        return new Snapshot(Instant.EPOCH, List.of(processes), new CgroupFigures(0, 0, 0, -1, 0));
    }

    private static ProcessInfo proc(int pid, char state) {
        return new ProcessInfo(pid, "zl-c1-L1", state, 1, 9, pid, 0, "", "");
    }

    @Test
    @DisplayName("pid-kill: settled once the supervisor has reaped npm; the orphans never get a signal")
    void pidKillSettlesOnNpmExit() {
        assertThat(ChainSettle.pending(1, KillStrategy.PID_KILL, 2, log("zombielab-event stopped cycle=1"), table()))
                .hasValueSatisfying(p -> assertThat(p).contains("not reaped cycle 1's npm"));
        assertThat(ChainSettle.pending(1, KillStrategy.PID_KILL, 2,
                log("zombielab-event exited cycle=1 pid=9 status=\"signal killed\""), table())).isEmpty();
    }

    @Test
    @DisplayName("pgid-term: not settled before every node level announced its exit, even if npm is gone")
    void groupTermWaitsForEveryLevel() {
        EventLog log = log("zombielab-event exited cycle=1 pid=9",
                "zombielab-event exiting chain=c1 level=1 pid=21 reparented=true");
        assertThat(ChainSettle.pending(1, KillStrategy.PGID_TERM, 2, log, table(proc(21, 'Z'), proc(28, 'S'))))
                .hasValueSatisfying(p -> assertThat(p).contains("1 of 2 node levels of c1"));
    }

    @Test
    @DisplayName("pgid-term: a level that announced its exit but still runs keeps the cycle open")
    void announcedButRunning() {
        EventLog log = log("zombielab-event exited cycle=1 pid=9",
                "zombielab-event exiting chain=c1 level=1 pid=21", "zombielab-event exiting chain=c1 level=2 pid=28");
        assertThat(ChainSettle.pending(1, KillStrategy.PGID_TERM, 2, log, table(proc(21, 'Z'), proc(28, 'R'))))
                .hasValueSatisfying(p -> assertThat(p).contains("pid 28 (c1 level 2) is still running"));
        assertThat(ChainSettle.pending(1, KillStrategy.PGID_TERM, 2, log, table(proc(21, 'Z')))).isEmpty();
    }
}
