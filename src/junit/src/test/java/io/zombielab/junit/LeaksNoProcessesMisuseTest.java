package io.zombielab.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.testcontainers.containers.GenericContainer;

/**
 * @LeaksNoProcesses used wrongly fails the test with an ExtensionConfigurationException saying what is wrong,
 * instead of passing without looking. No container is started: each mistake is found before one would be.
 */
@Tag("unit")
@DisplayName("@LeaksNoProcesses misused")
class LeaksNoProcessesMisuseTest {

    @Test
    @DisplayName("no container field to watch")
    void noContainer() {
        run(NoContainer.class)
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("test()"),
                                finishedWithFailure(
                                        instanceOf(ExtensionConfigurationException.class),
                                        message(
                                                "@LeaksNoProcesses on NoContainer: it watches the Testcontainers containers in the test class's "
                                                        + "fields, and there is none"))));
    }

    @Test
    @DisplayName("a field name that is not there: the fields there are named")
    void aFieldThatIsNotThere() {
        run(WrongName.class)
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("test()"),
                                finishedWithFailure(
                                        instanceOf(ExtensionConfigurationException.class),
                                        message(
                                                "@LeaksNoProcesses on WrongName: no container field 'db' (container fields: [app])"))));
    }

    @Test
    @DisplayName("a container not started when the test starts")
    void aContainerNotStarted() {
        run(NotStarted.class)
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("test()"),
                                finishedWithFailure(
                                        instanceOf(ExtensionConfigurationException.class),
                                        message(m -> m.startsWith(
                                                "@LeaksNoProcesses on NotStarted: the container in field 'app' is not running when "
                                                        + "the test starts; start it first")))));
    }

    @Test
    @DisplayName("the extension registered without the annotation")
    void withoutTheAnnotation() {
        run(ExtensionOnly.class)
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("test()"),
                                finishedWithFailure(
                                        instanceOf(ExtensionConfigurationException.class),
                                        message(
                                                "LeaksNoProcessesExtension is registered on test() without @LeaksNoProcesses: use the annotation, "
                                                        + "it says what to watch"))));
    }

    private static Events run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(testClass))
                .execute()
                .testEvents();
    }

    static class NoContainer {
        @Test
        @LeaksNoProcesses
        void test() {}
    }

    static class WrongName {
        private final GenericContainer<?> app = Containers.neverStarted();

        @Test
        @LeaksNoProcesses("db")
        void test() {}
    }

    static class NotStarted {
        private final GenericContainer<?> app = Containers.neverStarted();

        @Test
        @LeaksNoProcesses
        void test() {}
    }

    @ExtendWith(LeaksNoProcessesExtension.class)
    static class ExtensionOnly {
        @Test
        void test() {}
    }
}
