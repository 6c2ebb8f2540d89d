package io.zombielab.junit;

import org.testcontainers.containers.ContainerState;

/**
 * Checks of a running container's PID 1 and of what a service in it does with its children, from your own
 * tests, AssertJ style:
 *
 * <pre>
 * import static io.zombielab.junit.PidOneAssertions.assertThatContainer;
 *
 * assertThatContainer(app).afterOrphaning(10).hasNoZombies();                     // PID 1 reaps
 * assertThatContainer(app).afterGracefulStop(Duration.ofSeconds(10)).stoppedGracefully(); // PID 1 forwards SIGTERM
 * assertThatContainer(app).afterRunning(() -&gt; jobs.startAndStop()).leaksNothing();  // the story's bug
 * </pre>
 *
 * Nothing is run inside the container: a sidecar of zombielab's (an image made FROM scratch of the helper
 * binary this jar carries) shares its PID namespace for the length of one check, and is removed after it.
 * Every failure names PID 1 and shows the process table.
 */
public final class PidOneAssertions {

    private PidOneAssertions() {}

    /** Checks of {@code container}, which must be running. */
    public static ContainerAssert assertThatContainer(ContainerState container) {
        return new ContainerAssert(container);
    }
}
