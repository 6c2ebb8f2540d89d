package io.zombielab.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Drives a supervisor fixture through its control port, mapped to localhost. */
public final class SupervisorClient {

    public static final int CONTROL_PORT = 7070;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    public SupervisorClient(String host, int mappedPort) {
        this.base = URI.create("http://" + host + ":" + mappedPort + "/");
    }

    /** Starts the next cycle's workload; throws {@link SupervisorException} with the supervisor's error if it could not. */
    public String start() {
        return post("start");
    }

    /** Stops the running workload with the supervisor's kill strategy. */
    public String stop() {
        return post("stop");
    }

    private String post(String action) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(action))
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new SupervisorException(action + " answered " + response.statusCode() + ": "
                        + response.body().trim());
            }
            return response.body().trim();
        } catch (IOException e) {
            throw new SupervisorException(action + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SupervisorException(action + " interrupted", e);
        }
    }

    /** The supervisor refused or failed a request. */
    public static final class SupervisorException extends RuntimeException {
        SupervisorException(String message) {
            super(message);
        }

        public SupervisorException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
