package io.zombielab.junit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The containers these tests check, all of zombielab's base image (it has tini, node and sleep): tini in front
 * of a command (an init that reaps and forwards signals), or a command as PID 1 itself (one that does neither).
 */
final class Containers {

    private static final String BASE_IMAGE = System.getenv("ZOMBIELAB_BASE_IMAGE");

    static {
        // The engine's own API version, as the launcher found it: else docker-java pings a newer one, is refused,
        // and falls back to an old one (shared/DESIGN.md).
        String api = System.getenv("ZOMBIELAB_DOCKER_API_VERSION");
        if (api != null && !api.isBlank() && System.getProperty("api.version") == null) {
            System.setProperty("api.version", api.trim());
        }
    }

    private Containers() {}

    /** {@code command} as PID 1: `sleep` reaps nothing and ignores SIGTERM there (PID 1 has no default handlers). */
    static GenericContainer<?> asPidOne(String... command) {
        if (BASE_IMAGE == null || BASE_IMAGE.isBlank()) {
            throw new IllegalStateException(
                    "ZOMBIELAB_BASE_IMAGE is not set: run these tests through ./zombielab test, "
                            + "which builds the base image and names it");
        }
        Map<String, String> labels =
                new LinkedHashMap<>(Map.of("io.zombielab", "true", "io.zombielab.kind", "junit-test"));
        String run = System.getenv("ZOMBIELAB_RUN_ID");
        if (run != null && !run.isBlank()) {
            labels.put("io.zombielab.run", run); // the launcher removes what its run left, whatever happens
        }
        return new GenericContainer<>(DockerImageName.parse(BASE_IMAGE))
                .withImagePullPolicy(name -> false)
                .withLabels(labels)
                .withCommand(command);
    }

    /** A container that is never started (no engine, no image needed): for what must fail before one would be. */
    static GenericContainer<?> neverStarted() {
        return new GenericContainer<>(DockerImageName.parse("zombielab/never-started:none"))
                .withImagePullPolicy(name -> false);
    }

    /** tini as PID 1, {@code command} its child: reaps what it adopts, passes docker stop's SIGTERM on. */
    static GenericContainer<?> behindTini(String... command) {
        String[] argv = new String[command.length + 2];
        argv[0] = "tini";
        argv[1] = "--";
        System.arraycopy(command, 0, argv, 2, command.length);
        return asPidOne(argv);
    }

    /** Runs {@code script} in the container with sh, its output kept off the exec so it returns at once. */
    static void exec(Container<?> container, String script) throws Exception {
        Container.ExecResult r = container.execInContainer("sh", "-c", script);
        if (r.getExitCode() != 0) {
            throw new IllegalStateException("'" + script + "' exited " + r.getExitCode() + ": " + r.getStderr());
        }
    }
}
