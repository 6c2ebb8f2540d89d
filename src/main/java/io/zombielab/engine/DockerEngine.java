package io.zombielab.engine;

import com.github.dockerjava.api.DockerClient;
import org.testcontainers.DockerClientFactory;

/**
 * The Docker engine zombielab talks to, configured the way this project needs it: no Ryuk (it cannot be
 * pulled without a registry; zombielab removes its containers itself) and the engine's own API version
 * (docker-java otherwise asks for a newer one, is refused, and silently falls back to an old one).
 */
public final class DockerEngine {

    private static final String HOW_TO_FIX =
            "Run zombielab through its launcher (./zombielab test, ./zombielab reproduce): it installs and starts "
                    + "an engine where it can and sets what Testcontainers needs.";

    private DockerEngine() {
    }

    /** Checks the settings and that an engine answers; throws a clear error otherwise. */
    public static DockerClient client() {
        applyApiVersion();
        if (!"true".equalsIgnoreCase(System.getenv("TESTCONTAINERS_RYUK_DISABLED"))) {
            throw new EngineUnavailableException("TESTCONTAINERS_RYUK_DISABLED is not 'true': Testcontainers would try to "
                    + "pull its Ryuk image and wait minutes for a registry. " + HOW_TO_FIX);
        }
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new EngineUnavailableException("no Docker engine answers"
                    + (System.getenv("DOCKER_HOST") != null ? " at DOCKER_HOST=" + System.getenv("DOCKER_HOST") : "")
                    + ". " + HOW_TO_FIX);
        }
        return DockerClientFactory.instance().client();
    }

    private static void applyApiVersion() {
        String version = System.getenv("ZOMBIELAB_DOCKER_API_VERSION");
        if (version != null && !version.isBlank() && System.getProperty("api.version") == null) {
            System.setProperty("api.version", version.trim());
        }
    }

    /** No engine, or not one zombielab can use: the scenario cannot run. */
    public static final class EngineUnavailableException extends RuntimeException {
        public EngineUnavailableException(String message) {
            super(message);
        }
    }
}
