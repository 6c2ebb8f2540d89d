package io.zombielab.junit;

import static io.zombielab.junit.PidOneAssertions.assertThatContainer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;

/** afterGracefulStop: tini passes docker stop's SIGTERM on; `sleep` as PID 1 ignores it and is killed by the engine. */
@Tag("container")
@DisplayName("assertThatContainer(..).afterGracefulStop")
class StoppedContainerAssertTest {

    @Test
    @DisplayName("tini in front: stops on SIGTERM, before the timeout, exit code 143")
    void tiniStopsGracefully() {
        try (GenericContainer<?> tini = Containers.behindTini("sleep", "infinity")) {
            tini.start();

            StoppedContainerAssert stopped = assertThatContainer(tini)
                    .afterGracefulStop(Duration.ofSeconds(10))
                    .stoppedGracefully()
                    .stoppedWithin(Duration.ofSeconds(5));

            assertThat(stopped.exitCode()).isEqualTo(143);
            assertThat(stopped.took()).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    @DisplayName(
            "sleep as PID 1 (the negative control): killed by the engine after the timeout, exit code 137, table shown")
    void sleepIsKilled() {
        try (GenericContainer<?> sleep = Containers.asPidOne("sleep", "infinity")) {
            sleep.start();

            StoppedContainerAssert stopped = assertThatContainer(sleep).afterGracefulStop(Duration.ofSeconds(1));

            assertThatThrownBy(stopped::stoppedGracefully)
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining(
                            "its PID 1, 'sleep infinity', did not stop on its stop signal: the engine killed it "
                                    + "after the 1 s timeout (exit code 137; docker stop took ")
                    .hasMessageContaining("process table before the stop:")
                    .hasMessageContaining("sleep infinity");
            assertThatThrownBy(() -> stopped.stoppedWithin(Duration.ofMillis(100)))
                    .hasMessageContaining("took longer to stop than 100 ms");
        }
    }

    @Test
    @DisplayName("an exit code other than those expected fails, naming both")
    void otherExitCode() {
        try (GenericContainer<?> tini = Containers.behindTini("sleep", "infinity")) {
            tini.start();

            StoppedContainerAssert stopped = assertThatContainer(tini).afterGracefulStop(Duration.ofSeconds(10));

            assertThatThrownBy(() -> stopped.stoppedGracefullyWith(0))
                    .hasMessageContaining("stopped, but reported failure (exit 143; accepted: [0])");
        }
    }

    @Test
    @DisplayName("the engine's timeout is whole seconds: 1.5 s is refused")
    void wholeSeconds() {
        try (GenericContainer<?> tini = Containers.behindTini("sleep", "infinity")) {
            tini.start();

            assertThatThrownBy(() -> assertThatContainer(tini).afterGracefulStop(Duration.ofMillis(1500)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the engine's stop timeout is whole seconds, at least 1: not PT1.5S");
        }
    }
}
