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

    private DockerEngine() {}

    /** Checks the settings and that an engine answers; throws a clear error otherwise. */
    public static DockerClient client(EngineSettings engine) {
        applyApiVersion(engine);
        if (!engine.ryukDisabled()) {
            throw new EngineUnavailableException(
                    "TESTCONTAINERS_RYUK_DISABLED is not 'true': Testcontainers would try to "
                            + "pull its Ryuk image and wait minutes for a registry. " + HOW_TO_FIX);
        }
        // Testcontainers falls back to the local socket when DOCKER_HOST does not answer: a run would then
        // go to an engine the user did not name. Checked first, in milliseconds.
        if (engine.dockerHost().isPresent() && !listening(engine.dockerHost().get())) {
            throw new EngineUnavailableException("no Docker engine answers at " + engine.address() + ". " + HOW_TO_FIX);
        }
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new EngineUnavailableException("no Docker engine answers"
                    + engine.dockerHost().map(h -> " at DOCKER_HOST=" + h).orElse("") + ". " + HOW_TO_FIX);
        }
        return DockerClientFactory.instance().client();
    }

    /** Whether something listens where DOCKER_HOST points (tcp://host:port or unix:///path). */
    static boolean listening(String dockerHost) {
        java.net.URI uri = java.net.URI.create(dockerHost);
        if ("unix".equals(uri.getScheme())) {
            return java.nio.file.Files.exists(java.nio.file.Path.of(uri.getPath()));
        }
        if (!"tcp".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
            return true; // a scheme we do not check (ssh, npipe): Testcontainers says what it thinks of it
        }
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(uri.getHost(), uri.getPort()), 2000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Whether the engine still answers a ping: a cell that broke mid-run may have lost its engine. */
    public static boolean answers(DockerClient docker) {
        try {
            docker.pingCmd().exec();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void applyApiVersion(EngineSettings engine) {
        // docker-java reads it from here.
        engine.apiVersion().ifPresent(version -> System.setProperty("api.version", version));
    }

    /** No engine, or not one zombielab can use: the scenario cannot run. */
    public static final class EngineUnavailableException extends RuntimeException {
        public EngineUnavailableException(String message) {
            super(message);
        }
    }
}
