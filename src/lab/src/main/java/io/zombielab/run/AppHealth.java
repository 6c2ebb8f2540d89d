package io.zombielab.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Asks a cycle's Next.js server, through its port mapped to localhost, whether it is up: GET /api/health
 * answers 200 with the chain marker of the cycle that started it (so an orphan of an earlier cycle can
 * never pass for the new one).
 *
 * <p>One connection per question, closed by the request itself ({@code Connection: close}): on SIGTERM Next.js
 * waits for open keep-alive connections before it exits, so a pooled client's idle connection made every
 * graceful stop take Node's keep-alive timeout (5 s) longer, and the harness slowed what it observed. Plain
 * HTTP/1.1 also avoids the JDK client's HTTP/2 upgrade request, which Next.js hands to its WebSocket handler.
 */
final class AppHealth {

    private static final int CONNECT_MS = 1000;
    private static final int READ_MS = 2000;

    /** True when the server answered for {@code chain}; false while it is not listening yet or answers otherwise. */
    boolean answers(String host, int mappedPort, String chain) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, mappedPort), CONNECT_MS);
            socket.setSoTimeout(READ_MS);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/health HTTP/1.1\r\nHost: " + host + ":" + mappedPort + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = read(socket.getInputStream());
            return response.startsWith("HTTP/1.1 200") && response.contains("\"chain\":\"" + chain + "\"");
        } catch (IOException e) {
            return false; // not listening yet: docker's proxy resets the connection until next-server binds
        }
    }

    /** The whole response: the server closes the connection after it, as asked. Health answers are tiny. */
    private static String read(InputStream in) throws IOException {
        return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
    }
}
