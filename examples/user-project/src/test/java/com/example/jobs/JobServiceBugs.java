package com.example.jobs;

import static io.zombielab.junit.PidOneAssertions.assertThatContainer;

import io.zombielab.junit.LeaksNoProcesses;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The story's two bugs, as a user's tests would catch them. Not a test of its own (no Test suffix, so Maven
 * does not run it): JobServiceTest runs it and asserts that every check here fails, saying why.
 */
@Testcontainers
class JobServiceBugs {

    /** The original code: the job is killed by its pid, its worker lives on. */
    @Container
    private static final GenericContainer<?> byPid = JobServiceImage.behindTini("pid");

    /** The first fix: the whole group is stopped, but node at PID 1 never reaps the worker it adopts. */
    @Container
    private static final GenericContainer<?> withoutInit = JobServiceImage.withoutInit("group");

    @Test
    void stoppedByPid() {
        assertThatContainer(byPid).afterRunning(() -> JobServiceImage.startAndStopAJob(byPid)).leaksNothing();
    }

    @Test
    void stoppedByGroupWithoutAnInit() {
        assertThatContainer(withoutInit).afterRunning(() -> JobServiceImage.startAndStopAJob(withoutInit)).leaksNothing();
    }

    @Test
    @LeaksNoProcesses("withoutInit")
    void stoppedByGroupWithoutAnInitAsTheExtensionChecksIt() throws Exception {
        JobServiceImage.startAndStopAJob(withoutInit);
    }
}
