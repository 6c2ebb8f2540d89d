package io.zombielab.junit;

import static io.zombielab.junit.PidOneAssertions.assertThatContainer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testcontainers.containers.GenericContainer;

/** afterOrphaning: tini reaps what it adopts, `sleep` as PID 1 does not, and the failure says so with the table. */
@Tag("container")
@DisplayName("assertThatContainer(..).afterOrphaning")
class ContainerAssertTest {

    @RegisterExtension
    static final TwoPidOnes PID_ONES = new TwoPidOnes();

    private static final GenericContainer<?> TINI = PID_ONES.tini();
    private static final GenericContainer<?> SLEEP = PID_ONES.sleep();

    @Test
    @DisplayName("tini as PID 1: every orphan reaped, and fast")
    void tiniReaps() {
        OrphanedContainerAssert after =
                assertThatContainer(TINI).afterOrphaning(5).hasNoZombies().reapedWithin(Duration.ofMillis(500));

        assertThat(after.report().orphans()).hasSize(5).allMatch(o -> o.reaped() && o.adoptedBy() == 1);
    }

    @Test
    @DisplayName("sleep as PID 1 (the negative control): the zombies counted, PID 1 named, the table shown")
    void sleepDoesNotReap() {
        assertThatThrownBy(() -> assertThatContainer(SLEEP)
                        .afterOrphaning(5, Duration.ofSeconds(1))
                        .hasNoZombies())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(
                        "(image " + SLEEP.getDockerImageName() + "): 5 zombie(s) 1 s after 5 orphans exited "
                                + "(at most 0 expected): its PID 1, 'sleep infinity', does not reap the processes it adopts")
                .hasMessageContaining("PID   PPID   PGID STAT")
                .hasMessageContaining("<defunct>");
    }

    @Test
    @DisplayName("as many zombies as allowed pass; reapedWithin fails while any is left")
    void atMost() {
        OrphanedContainerAssert after = assertThatContainer(SLEEP).afterOrphaning(2, Duration.ofSeconds(1));

        after.hasAtMostZombies(2);
        assertThatThrownBy(() -> after.reapedWithin(Duration.ofSeconds(1))).hasMessageContaining("2 zombie(s)");
    }

    @Test
    @DisplayName("misuse: a count out of 1..1000, a container not running")
    void misuse() {
        assertThatThrownBy(() -> assertThatContainer(TINI).afterOrphaning(0))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("afterOrphaning needs 1 to 1000 orphans, got 0");
        assertThatThrownBy(() -> assertThatContainer(TINI).afterOrphaning(1001))
                .hasMessageContaining("afterOrphaning needs 1 to 1000 orphans, got 1001");
        GenericContainer<?> notStarted = Containers.asPidOne("sleep", "infinity");
        assertThatThrownBy(() -> assertThatContainer(notStarted).afterOrphaning(1))
                .isInstanceOf(AssertionError.class)
                .hasMessage("container (a container not started) is not running: start it before checking its PID 1");
    }
}
