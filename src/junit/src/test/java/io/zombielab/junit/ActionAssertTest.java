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

/**
 * afterRunning: what an action leaves behind. A process it started that lives on is an orphan whatever PID 1 is;
 * one that exits after its parent is a zombie under `sleep` as PID 1, and nothing under tini.
 */
@Tag("container")
@DisplayName("assertThatContainer(..).afterRunning")
class ActionAssertTest {

    private static final Duration SETTLE = Duration.ofSeconds(1);

    @RegisterExtension
    static final TwoPidOnes PID_ONES = new TwoPidOnes();

    private static final GenericContainer<?> TINI = PID_ONES.tini();
    private static final GenericContainer<?> SLEEP = PID_ONES.sleep();

    @Test
    @DisplayName("a short-lived grandchild under tini: reaped, nothing left")
    void tiniLeavesNothing() {
        ActionAssert after = assertThatContainer(TINI)
                .afterRunning(() -> Containers.exec(TINI, "sleep 0.2 >/dev/null 2>&1 &"), SETTLE)
                .leaksNothing();

        assertThat(after.changes().leaksNothing()).isTrue();
    }

    @Test
    @DisplayName("the same under sleep as PID 1 (the negative control): one zombie, PID 1 named, both tables shown")
    void sleepLeavesAZombie() {
        ActionAssert after = assertThatContainer(SLEEP)
                .afterRunning(() -> Containers.exec(SLEEP, "sleep 0.2 >/dev/null 2>&1 &"), SETTLE);

        after.leavesNoOrphans();
        assertThatThrownBy(after::leavesNoZombies)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(
                        ", PID 1 'sleep infinity': 1 s after the action, it left 1 zombie(s), which PID 1 does not "
                                + "reap: pid ")
                .hasMessageContaining("[sleep] <defunct>")
                .hasMessageContaining("process table before the action:")
                .hasMessageContaining("process table after:");
    }

    @Test
    @DisplayName("a process it started that lives on: an orphan, re-parented to PID 1, even under tini")
    void aProcessLeftRunning() {
        ActionAssert after = assertThatContainer(TINI)
                .afterRunning(() -> Containers.exec(TINI, "sleep 300 >/dev/null 2>&1 &"), SETTLE);

        after.leavesNoZombies();
        assertThatThrownBy(after::leaksNothing)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("it left 1 process(es) alive that it started or orphaned: pid ")
                .hasMessageContaining(" 'sleep 300' (re-parented to PID 1)");
    }

    @Test
    @DisplayName("an action that throws fails the check, saying so")
    void actionFails() {
        assertThatThrownBy(() -> assertThatContainer(TINI).afterRunning(() -> {
                    throw new IllegalStateException("the service answered 500");
                }))
                .isInstanceOf(AssertionError.class)
                .hasMessage("the action under check failed: java.lang.IllegalStateException: the service answered 500");
    }
}
