package io.zombielab.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.TransportConfig;

/**
 * The engine's own JSON for what docker-java does not map: an image's {@code Config.StopSignal} (its
 * STOPSIGNAL) has no field in docker-java's ContainerConfig and is not among its unmapped values either. Asked of
 * the engine Testcontainers talks to, by the same transport (socket or TCP, TLS included).
 */
public final class EngineJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EngineJson() {}

    /** {@code docker image inspect IMAGE}, as the engine sent it; an engine's refusal is an {@link IllegalStateException}. */
    public static JsonNode inspectImage(String image) {
        // The engine's router takes the whole name, slashes, tag and digest included, as docker's own client sends it.
        return get("/images/" + image + "/json");
    }

    /** {@code docker container inspect ID}, as the engine sent it. */
    public static JsonNode inspectContainer(String id) {
        return get("/containers/" + id + "/json");
    }

    private static JsonNode get(String path) {
        TransportConfig transport = DockerClientFactory.instance().getTransportConfig();
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET)
                .path(path)
                .build();
        try (DockerHttpClient http = new ZerodepDockerHttpClient.Builder()
                        .dockerHost(transport.getDockerHost())
                        .sslConfig(transport.getSslConfig())
                        .connectionTimeout(Duration.ofSeconds(10))
                        .responseTimeout(Duration.ofSeconds(30))
                        .build();
                DockerHttpClient.Response response = http.execute(request);
                InputStream body = response.getBody()) {
            JsonNode json = JSON.readTree(body);
            if (response.getStatusCode() != 200) {
                throw new IllegalStateException("the engine answered GET " + path + " with " + response.getStatusCode()
                        + ": " + json.path("message").asText(json.toString()));
            }
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path + " of the engine failed: " + e.getMessage(), e);
        }
    }
}
