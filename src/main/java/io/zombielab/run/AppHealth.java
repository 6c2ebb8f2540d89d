package io.zombielab.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks a cycle's Next.js server, through its port mapped to localhost, whether it is up: GET /api/health
 * answers 200 with the chain marker of the cycle that started it (so an orphan of an earlier cycle can
 * never pass for the new one).
 */
final class AppHealth {

    // HTTP/1.1: the JDK's default HTTP/2 asks to upgrade, and Next.js hands upgrade requests to its
    // WebSocket handler, where a plain GET waits forever.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();

    /** True when the server answered for {@code chain}; false while it is not listening yet or answers otherwise. */
    boolean answers(String host, int mappedPort, String chain) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + mappedPort + "/api/health"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"chain\":\"" + chain + "\"");
        } catch (IOException e) {
            return false; // not listening yet: docker's proxy resets the connection until next-server binds
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
