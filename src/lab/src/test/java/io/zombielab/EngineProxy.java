package io.zombielab;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The local engine's API on a loopback TCP port, and a switch to take it away: to the harness behind it,
 * {@link #stop()} is an engine that stopped. (Stopping the real dockerd would stop every other run too.)
 */
final class EngineProxy implements AutoCloseable {

    private final ServerSocket server;
    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

    EngineProxy(Path engineSocket) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(
                () -> {
                    while (!server.isClosed()) {
                        try {
                            Socket client = server.accept();
                            SocketChannel engine = SocketChannel.open(UnixDomainSocketAddress.of(engineSocket));
                            open.add(client);
                            open.add(engine);
                            // The channel's own read and write, one thread each: its stream adapters share a lock, so
                            // a blocked read would hold up the request it waits for.
                            InputStream fromClient = client.getInputStream();
                            OutputStream toClient = client.getOutputStream();
                            pump(() -> {
                                byte[] buffer = new byte[8192];
                                for (int n; (n = fromClient.read(buffer)) >= 0; ) {
                                    ByteBuffer b = ByteBuffer.wrap(buffer, 0, n);
                                    while (b.hasRemaining()) {
                                        engine.write(b);
                                    }
                                }
                                engine.shutdownOutput();
                            });
                            pump(() -> {
                                ByteBuffer b = ByteBuffer.allocate(8192);
                                while (engine.read(b) >= 0) {
                                    toClient.write(b.array(), 0, b.position());
                                    toClient.flush();
                                    b.clear();
                                }
                                client.shutdownOutput();
                            });
                        } catch (IOException closed) {
                            return;
                        }
                    }
                },
                "engine-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private interface Copy {
        void run() throws IOException;
    }

    private static void pump(Copy copy) {
        Thread t = new Thread(
                () -> {
                    try {
                        copy.run();
                    } catch (IOException closed) {
                        // one side went away; stop() closes the rest
                    }
                },
                "engine-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    String dockerHost() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    /** The engine is gone: no new connection is accepted, every open one is cut. */
    void stop() throws IOException {
        server.close();
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception alreadyClosed) {
                // nothing to do
            }
        }
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
