package io.zombielab.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.testcontainers.containers.GenericContainer;

/**
 * @LeaksNoProcesses on a real container, run through JUnit's test kit: a test that leaves a process running
 * fails with the message users see (the container's field, PID 1, what was left, both tables); one that leaves
 * nothing passes and says so in a report entry.
 */
@Tag("container")
@DisplayName("@LeaksNoProcesses")
class LeaksNoProcessesTest {

    @Test
    @DisplayName("a test that leaves a process running fails, naming it; one that leaves nothing passes")
    void leakFailsCleanPasses() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(AService.class))
                .execute();

        results.testEvents()
                .assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        results.testEvents()
                .assertThatEvents()
                .haveExactly(1, event(test("leavesNothing()"), finishedSuccessfully()))
                .haveExactly(
                        1,
                        event(
                                test("leavesASleepRunning()"),
                                finishedWithFailure(
                                        instanceOf(AssertionError.class),
                                        message(m -> m.startsWith("@LeaksNoProcesses: container 'app', ")
                                                && m.contains(
                                                        ", PID 1 'sleep infinity': 1 s after the test, it left 1 process(es) alive that "
                                                                + "it started or orphaned: pid ")
                                                && m.contains(" 'sleep 300' (re-parented to PID 1)")
                                                && m.contains("process table before the test:")
                                                && m.contains("process table after:")))));
        assertThat(results.allEvents().reportingEntryPublished().stream()
                        .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs()))
                .anySatisfy(entry -> assertThat(entry.get("zombielab.app")).startsWith("left nothing behind ("));
    }

    @LeaksNoProcesses(settleMillis = 1000)
    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class AService {
        private static final GenericContainer<?> app = Containers.asPidOne("sleep", "infinity");

        @BeforeAll
        static void start() {
            app.start();
        }

        @AfterAll
        static void stop() {
            app.stop();
        }

        @Test
        void leavesASleepRunning() throws Exception {
            Containers.exec(app, "sleep 300 >/dev/null 2>&1 &");
        }

        @Test
        void leavesNothing() {}
    }
}
