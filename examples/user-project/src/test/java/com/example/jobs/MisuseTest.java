package com.example.jobs;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.zombielab.junit.LeaksNoProcesses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.testcontainers.containers.GenericContainer;

/** @LeaksNoProcesses used wrongly says what is wrong, instead of passing without looking. */
class MisuseTest {

    @Test
    void noContainerToWatch() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(NoContainer.class)).execute().testEvents()
                .assertThatEvents().haveExactly(1, event(test("test()"), finishedWithFailure(
                        instanceOf(ExtensionConfigurationException.class),
                        message("@LeaksNoProcesses on NoContainer: it watches the Testcontainers containers in the test "
                                + "class's fields, and there is none"))));
    }

    @Test
    void aFieldThatIsNotThere() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(WrongName.class)).execute().testEvents()
                .assertThatEvents().haveExactly(1, event(test("test()"), finishedWithFailure(
                        message(m -> m.contains("no container field 'db' (container fields: [app])")))));
    }

    @Test
    void aContainerNotStarted() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(NotStarted.class)).execute().testEvents()
                .assertThatEvents().haveExactly(1, event(test("test()"), finishedWithFailure(
                        message(m -> m.contains("the container in field 'app' is not running when the test starts")))));
    }

    static class NoContainer {
        @Test
        @LeaksNoProcesses
        void test() {
        }
    }

    static class WrongName {
        private final GenericContainer<?> app = JobServiceImage.running("sleep", "infinity");

        @Test
        @LeaksNoProcesses("db")
        void test() {
        }
    }

    static class NotStarted {
        private final GenericContainer<?> app = JobServiceImage.running("sleep", "infinity");

        @Test
        @LeaksNoProcesses
        void test() {
        }
    }
}
