package io.zombielab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.zombielab.fixture.Chain;
import io.zombielab.fixture.EventLog;
import io.zombielab.probe.CgroupFigures;
import io.zombielab.probe.ProcessInfo;
import io.zombielab.probe.ProcessState;
import io.zombielab.probe.Snapshot;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** When a stopped cycle is over, as each workload judges it: from what each process was sent, never from the reaper. */
@Tag("unit")
class WorkloadSettleTest {

    private static final Chain C1 = new Chain(1);

    private static EventLog log(String... lines) {
        EventLog log = new EventLog();
        for (String line : lines) {
            log.add(line);
        }
        return log;
    }

    private static Snapshot table(ProcessInfo... processes) {
        return new Snapshot(Instant.EPOCH, List.of(processes), CgroupFigures.UNKNOWN);
    }

    private static ProcessInfo proc(int pid, char state, String chain) {
        return new ProcessInfo(pid, "zl-c1-L1", ProcessState.of(state), 1, 9, pid, 0, chain, "");
    }

    @Test
    @DisplayName("pid-kill: settled once the supervisor has reaped npm; the orphans never get a signal")
    void pidKillSettlesOnNpmExit() {
        assertThat(ChainWorkload.DEFAULT.pendingSettle(
                        C1, KillStrategy.PID_KILL, log("zombielab-event stopped cycle=1"), table()))
                .hasValueSatisfying(p -> assertThat(p).contains("not reaped cycle 1's npm"));
        assertThat(ChainWorkload.DEFAULT.pendingSettle(
                        C1,
                        KillStrategy.PID_KILL,
                        log("zombielab-event exited cycle=1 pid=9 status=\"signal killed\""),
                        table()))
                .isEmpty();
    }

    @Test
    @DisplayName("the chain, pgid-term: not settled before every node level announced its exit, even if npm is gone")
    void groupTermWaitsForEveryLevel() {
        EventLog log = log(
                "zombielab-event exited cycle=1 pid=9",
                "zombielab-event exiting chain=c1 level=1 pid=21 reparented=true");
        assertThat(ChainWorkload.DEFAULT.pendingSettle(
                        C1, KillStrategy.PGID_TERM, log, table(proc(21, 'Z', ""), proc(28, 'S', "c1"))))
                .hasValueSatisfying(p -> assertThat(p).contains("1 of 2 node levels of c1"));
    }

    @Test
    @DisplayName("the chain, pgid-term: a level that announced its exit but still runs keeps the cycle open")
    void announcedButRunning() {
        EventLog log = log(
                "zombielab-event exited cycle=1 pid=9",
                "zombielab-event exiting chain=c1 level=1 pid=21",
                "zombielab-event exiting chain=c1 level=2 pid=28");
        assertThat(ChainWorkload.DEFAULT.pendingSettle(
                        C1, KillStrategy.PGID_TERM, log, table(proc(21, 'Z', ""), proc(28, 'R', "c1"))))
                .hasValueSatisfying(p -> assertThat(p).contains("pid 28 (c1 level 2) is still running"));
        assertThat(ChainWorkload.DEFAULT.pendingSettle(C1, KillStrategy.PGID_TERM, log, table(proc(21, 'Z', ""))))
                .isEmpty();
    }

    @Test
    @DisplayName("the app, pgid-term: it announces nothing, so no process of the chain may still run")
    void appWaitsForNoLiveProcess() {
        EventLog log = log("zombielab-event exited cycle=1 pid=9");
        assertThat(NextAppWorkload.DEFAULT.pendingSettle(C1, KillStrategy.PGID_TERM, log, table(proc(30, 'S', "c1"))))
                .hasValueSatisfying(p -> assertThat(p).contains("pid 30 (zl-c1-L1, c1) is still running"));
        assertThat(NextAppWorkload.DEFAULT.pendingSettle(C1, KillStrategy.PGID_TERM, log, table(proc(30, 'Z', ""))))
                .isEmpty();
    }
}
