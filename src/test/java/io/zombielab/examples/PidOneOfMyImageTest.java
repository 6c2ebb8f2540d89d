package io.zombielab.examples;

import static io.zombielab.assertions.PidOneAssertions.assertThatContainer;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * How a user checks their own image's PID 1 in their own test suite, with Testcontainers and zombielab's
 * assertions. "My image" here is zombielab's base image (it has tini); in your project, it is your app's.
 */
@DisplayName("Example: a user's suite checks the PID 1 of their image")
class PidOneOfMyImageTest {

    private static final DockerImageName MY_IMAGE = DockerImageName.parse(System.getenv("ZOMBIELAB_BASE_IMAGE"));

    private static GenericContainer<?> myApp(String... command) {
        return new GenericContainer<>(MY_IMAGE).withImagePullPolicy(name -> false)
                .withLabel("io.zombielab", "true").withLabel("io.zombielab.run", System.getenv("ZOMBIELAB_RUN_ID"))
                .withCommand(command);
    }

    @Test
    @DisplayName("my app behind tini reaps what it adopts")
    void behindTini() {
        try (GenericContainer<?> app = myApp("/usr/bin/tini", "--", "sleep", "infinity")) {
            app.start();
            assertThatContainer(app).afterOrphaning(10).hasNoZombies();
        }
    }

    @Test
    @DisplayName("my app as PID 1 itself (sleep never reaps): the assertion fails and shows the process table")
    void withoutAnInit() {
        try (GenericContainer<?> app = myApp("sleep", "infinity")) {
            app.start();
            assertThatThrownBy(() -> assertThatContainer(app).afterOrphaning(10).hasNoZombies())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("10 zombie(s)")
                    .hasMessageContaining("its PID 1, 'sleep infinity', does not reap the processes it adopts")
                    .hasMessageContaining("<defunct>");
        }
    }
}
