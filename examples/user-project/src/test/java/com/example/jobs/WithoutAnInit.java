package com.example.jobs;

import static io.zombielab.junit.PidOneAssertions.assertThatContainer;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * What PidOneTest's checks say of `sleep` as PID 1: it neither reaps nor stops on SIGTERM. Not a test of its
 * own (no Test suffix, so Maven does not run it): PidOneTest runs it and asserts that both checks fail.
 */
@Testcontainers
class WithoutAnInit {

    @Container
    private final GenericContainer<?> app = JobServiceImage.running("sleep", "infinity");

    @Test
    void reapsTheOrphansItAdopts() {
        assertThatContainer(app).afterOrphaning(10).hasNoZombies();
    }

    @Test
    void stopsGracefully() {
        assertThatContainer(app).afterGracefulStop(Duration.ofSeconds(2)).stoppedGracefully();
    }
}
