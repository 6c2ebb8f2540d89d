package io.zombielab.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The redis-neighbour door's reading of the supervisor's log: which error came first, Redis's or a child's. */
@DisplayName("The supervisor's log: its error lines in order")
@Tag("unit")
class SupervisorLogTest {

    private static final long ORIGIN = 1_796_190_860_000L;

    @Test
    @DisplayName("Redis's lost connection before any child's error: Redis's is first, an asked-for exit is none")
    void redisFirst() {
        String log = """
                zombielab-event started cycle=5 pid=121 pgid=1 port=0
                zombielab-event exited cycle=4 pid=95 status="signal killed"
                zombielab-event redis-lost side=subscriber error="EOF" received=328 at_ms=1796190899304
                Killed
                zombielab-event exited cycle=5 pid=121 status="exit 137"
                """;
        List<SupervisorLog.ErrorLine> errors = SupervisorLog.errors(log, Map.of(4, true, 5, false), ORIGIN);
        assertThat(errors).extracting(SupervisorLog.ErrorLine::redis).containsExactly(true, false, false);
        assertThat(errors.get(0).text()).isEqualTo("lost: the subscriber's connection to Redis (EOF) at 39.3 s");
        assertThat(errors.get(2).text()).isEqualTo("cycle 5's npm ended before its stop (exit 137)");
    }

    @Test
    @DisplayName("a child's error before Redis's (the negative case): the child's is first")
    void childFirst() {
        String log = """
                zombielab-event stop-failed cycle=16 strategy=pid-kill error="os: process already finished"
                zombielab-event redis-refused side=publisher reply="OOM command not allowed" at_ms=1796190861000
                """;
        List<SupervisorLog.ErrorLine> errors = SupervisorLog.errors(log, Map.of(), ORIGIN);
        assertThat(errors).extracting(SupervisorLog.ErrorLine::redis).containsExactly(false, true);
        assertThat(errors.get(1).text())
                .isEqualTo("refused: the publisher's connection to Redis (OOM command not allowed) at 1.0 s");
    }

    @Test
    @DisplayName("npm exits the harness asked for are no errors; the log's exits are read in order")
    void stopsAreNoErrors() {
        String log = "zombielab-event exited cycle=1 pid=17 status=\"signal killed\"\n"
                + "zombielab-event exited cycle=2 pid=43 status=\"signal killed\"\n";
        assertThat(SupervisorLog.exitedCycles(log)).containsExactly(1, 2);
        assertThat(SupervisorLog.errors(log, Map.of(1, true, 2, true), ORIGIN)).isEmpty();
    }
}
