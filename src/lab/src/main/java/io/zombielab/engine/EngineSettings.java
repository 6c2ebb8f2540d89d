package io.zombielab.engine;

import java.util.Optional;

/**
 * How to reach the engine, as the environment said (DOCKER_HOST, TESTCONTAINERS_RYUK_DISABLED,
 * ZOMBIELAB_DOCKER_API_VERSION; read by {@code io.zombielab.Settings}, passed here).
 *
 * @param dockerHost where the engine is, when not the local socket
 * @param ryukDisabled whether Testcontainers was told not to start Ryuk (zombielab needs it not to)
 * @param apiVersion the engine's own API version, for docker-java
 */
public record EngineSettings(Optional<String> dockerHost, boolean ryukDisabled, Optional<String> apiVersion) {

    public EngineSettings {
        dockerHost = dockerHost.map(String::trim).filter(h -> !h.isEmpty());
        apiVersion = apiVersion.map(String::trim).filter(v -> !v.isEmpty());
    }

    /** Where the engine is, for messages: DOCKER_HOST, or the local socket. */
    public String address() {
        return dockerHost.map(h -> "DOCKER_HOST=" + h).orElse("the local socket");
    }
}
