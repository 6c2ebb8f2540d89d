package io.zombielab.assertions;

import org.testcontainers.containers.GenericContainer;

/**
 * Entry point for checking a container's PID 1 from your own tests, AssertJ style:
 *
 * <pre>
 * import static io.zombielab.assertions.PidOneAssertions.assertThatContainer;
 *
 * assertThatContainer(myContainer).afterOrphaning(10).hasNoZombies();
 * </pre>
 *
 * The container must be running. zombielab starts a sidecar in its PID namespace that makes orphans there,
 * which PID 1 adopts and which then exit: a PID 1 that reaps leaves no zombie.
 */
public final class PidOneAssertions {

    private PidOneAssertions() {
    }

    public static ContainerAssert assertThatContainer(GenericContainer<?> container) {
        return new ContainerAssert(container);
    }
}
