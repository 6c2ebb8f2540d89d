package com.example.jobs;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;

/** The service under test, in a container: its image, with or without an init at PID 1, and its HTTP API. */
final class JobServiceImage {

    /** zombielab's own gc finds what these tests make by this label; a project of yours would not need it. */
    private static final Map<String, String> LABELS = Map.of("io.zombielab", "true", "io.zombielab.kind", "example");

    private static final ImageFromDockerfile IMAGE = new ImageFromDockerfile("example/job-service")
            .withFileFromClasspath("Dockerfile", "app/Dockerfile")
            .withFileFromClasspath("job-service.js", "app/job-service.js")
            .withFileFromClasspath("job.js", "app/job.js")
            .withBuildArg("BASE", System.getProperty("example.base.image", "debian:bookworm-slim"))
            .withBuildImageCmdModifier(cmd -> cmd.withLabels(LABELS));

    private JobServiceImage() {
    }

    /** The service as PID 1 itself (node never reaps what it adopts), stopping jobs {@code by} pid or group. */
    static GenericContainer<?> withoutInit(String stopBy) {
        return new GenericContainer<>(IMAGE).withLabels(LABELS).withEnv("STOP_BY", stopBy).withExposedPorts(8080)
                .waitingFor(Wait.forLogMessage(".*listening on 8080.*", 1));
    }

    /** The same behind tini, the story's final fix (a new entrypoint clears the image's command: named again). */
    static GenericContainer<?> behindTini(String stopBy) {
        return withoutInit(stopBy).withCommand("node", "/app/job-service.js")
                .withCreateContainerCmdModifier(cmd -> cmd.withEntrypoint("/usr/bin/tini", "--"));
    }

    /** Any command as PID 1, in the same image. */
    static GenericContainer<?> running(String... command) {
        return new GenericContainer<>(IMAGE).withLabels(LABELS).withCommand(command);
    }

    /** Starts a job and stops it, through the service's API: what a user of the service does. */
    static void startAndStopAJob(GenericContainer<?> service) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI jobs = URI.create("http://" + service.getHost() + ":" + service.getMappedPort(8080) + "/jobs");
        String id = http.send(HttpRequest.newBuilder(jobs).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        http.send(HttpRequest.newBuilder(jobs.resolve("/jobs/" + id)).DELETE().build(), HttpResponse.BodyHandlers.discarding());
    }
}
