package io.zombielab.assertions;

import io.zombielab.Lab;
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
 * The container must be running. zombielab copies its static test program into it and, through the Docker
 * API, makes orphans that PID 1 adopts and that then exit: a PID 1 that reaps leaves no zombie.
 */
public final class PidOneAssertions {

    private static Lab lab;

    private PidOneAssertions() {
    }

    public static ContainerAssert assertThatContainer(GenericContainer<?> container) {
        return new ContainerAssert(container, lab());
    }

    private static synchronized Lab lab() {
        if (lab == null) {
            lab = Lab.open(line -> System.err.println("[zombielab] " + line));
        }
        return lab;
    }
}
