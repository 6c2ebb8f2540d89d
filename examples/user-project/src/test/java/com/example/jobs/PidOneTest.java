package com.example.jobs;

import static io.zombielab.junit.PidOneAssertions.assertThatContainer;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** Our image's PID 1 (tini in front of the service) reaps what it adopts and forwards docker stop's SIGTERM. */
@Testcontainers
class PidOneTest {

    @Container
    private final GenericContainer<?> app = JobServiceImage.behindTini("group");

    @Test
    void reapsTheOrphansItAdopts() {
        assertThatContainer(app).afterOrphaning(10).hasNoZombies().reapedWithin(Duration.ofMillis(500));
    }

    @Test
    void stopsGracefully() {
        assertThatContainer(app).afterGracefulStop(Duration.ofSeconds(10)).stoppedGracefully();
    }

    /** The negative control: the same checks against `sleep` as PID 1 fail, and say why (see WithoutAnInit). */
    @Test
    void withoutAnInitTheSameChecksFail() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(WithoutAnInit.class)).execute().testEvents()
                .assertStatistics(stats -> stats.started(2).failed(2))
                .assertThatEvents()
                .haveExactly(1, event(test("reapsTheOrphansItAdopts()"), finishedWithFailure(
                        message(m -> m.contains("10 zombie(s)") && m.contains("its PID 1, 'sleep infinity', does not reap")
                                && m.contains("<defunct>")))))
                .haveExactly(1, event(test("stopsGracefully()"), finishedWithFailure(
                        message(m -> m.contains("did not stop on its stop signal: the engine killed it after the 2 s timeout")
                                && m.contains("exit code 137")))));
    }
}
