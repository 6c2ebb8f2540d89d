package com.example.jobs;

import static io.zombielab.junit.PidOneAssertions.assertThatContainer;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.zombielab.junit.LeaksNoProcesses;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The test the story's service lacked: starting and stopping a job leaves no process behind. Behind tini,
 * stopping the job by its process group leaks nothing; JobServiceBugs holds the two bugs of the story, and
 * this class asserts that each is caught.
 */
@Testcontainers
class JobServiceTest {

    @Container
    private static final GenericContainer<?> service = JobServiceImage.behindTini("group");

    @Test
    void aStoppedJobLeavesNothing() {
        assertThatContainer(service).afterRunning(() -> JobServiceImage.startAndStopAJob(service)).leaksNothing();
    }

    @Test
    @LeaksNoProcesses
    void aStoppedJobLeavesNothingAsTheExtensionChecksIt() throws Exception {
        JobServiceImage.startAndStopAJob(service);
    }

    @Test
    void theStorysBugsAreCaught() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(JobServiceBugs.class)).execute().testEvents()
                .assertStatistics(stats -> stats.started(3).failed(3))
                .assertThatEvents()
                .haveExactly(1, event(test("stoppedByPid()"), finishedWithFailure(message(m ->
                        m.contains("it left 1 process(es) alive that it started or orphaned")
                                && m.contains("(re-parented to PID 1)") && m.contains("process table before the action")))))
                .haveExactly(1, event(test("stoppedByGroupWithoutAnInit()"), finishedWithFailure(message(m ->
                        m.contains("1 zombie(s), which PID 1 does not reap") && m.contains("PID 1 'node /app/job-service.js'")))))
                .haveExactly(1, event(test("stoppedByGroupWithoutAnInitAsTheExtensionChecksIt()"), finishedWithFailure(message(m ->
                        m.contains("@LeaksNoProcesses: container 'withoutInit'") && m.contains("zombie(s), which PID 1 does not reap")))));
    }
}
