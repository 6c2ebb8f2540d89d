package io.zombielab.probe;

import com.github.dockerjava.api.command.InspectContainerResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.testcontainers.containers.ContainerState;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * The universal probe: zombielab's helper in a container of its own that shares the PID namespace of the
 * container it observes ({@code docker run --pid container:<id>}). It reads that namespace's /proc (and,
 * through the root of the container's first process, its own cgroup files) and answers over a port mapped where the engine
 * is, so it works as any user in the docker group, on a remote engine, and for any image: nothing runs
 * inside the observed container, which may have no shell, a read-only root, or no PID left to fork (the
 * sidecar forks in its own cgroup). It also makes orphans there, which the container's PID 1 adopts.
 * Where the container joined another's PID namespace (a Kubernetes pod's, whose PID 1 is pause), the
 * table is the whole namespace's, pause included, and the cgroup figures still the container's.
 *
 * <pre>
 * try (ProbeSidecar probe = new ProbeSidecar(app)) {
 *     probe.start();
 *     Snapshot table = probe.snapshot();
 *     OrphanReport report = probe.makeOrphans(10, Duration.ofSeconds(3));
 * }
 * </pre>
 */
public final class ProbeSidecar extends GenericContainer<ProbeSidecar> implements Probe {

    static final int PORT = 7071;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    private final String targetId;
    private Socket socket;
    private BufferedReader in;
    private OutputStream out;

    /** A sidecar for {@code target}, which must be running when the sidecar starts. */
    public ProbeSidecar(ContainerState target) {
        this(target.getContainerId());
    }

    /** A sidecar for the container with this id (started by other means than Testcontainers). */
    public ProbeSidecar(String targetId) {
        super(CompletableFuture.supplyAsync(() -> HelperImage.ensure(
                org.testcontainers.DockerClientFactory.instance().client())));
        if (targetId == null || targetId.isBlank()) {
            throw new IllegalArgumentException(
                    "a probe sidecar needs a running container: this one has no id yet (start it first)");
        }
        this.targetId = targetId;
        // The target's id: its cgroup is reported even where it is not PID 1 of the namespace (a pod's pause is).
        withCommand("serve", "--port", Integer.toString(PORT), "--container", targetId);
        withExposedPorts(PORT);
        withLabels(Map.of("io.zombielab", "true", "io.zombielab.kind", "probe", "io.zombielab.target", targetId));
        // Few threads: each counts against the sidecar's own pids limit.
        withEnv("GOMAXPROCS", "2");
        waitingFor(
                Wait.forLogMessage(".*zombielab-event sidecar-ready.*", 1).withStartupTimeout(Duration.ofSeconds(30)));
        // Its own limits, in its own cgroup: the orphans it makes live here until they exit.
        withCreateContainerCmdModifier(cmd -> ContainerLimits.SIDECAR.applyTo(
                cmd.getHostConfig().withPidMode("container:" + targetId).withReadonlyRootfs(true)));
    }

    @Override
    protected void configure() {
        InspectContainerResponse target =
                getDockerClient().inspectContainerCmd(targetId).exec();
        if (!Boolean.TRUE.equals(target.getState().getRunning())) {
            throw new ProbeException("container " + name(target) + " is not running: a sidecar can only share the PID "
                    + "namespace of a running container (state: "
                    + target.getState().getStatus() + ")");
        }
        super.configure();
    }

    @Override
    public ProbeMode mode() {
        return ProbeMode.UNIVERSAL;
    }

    /** The observed container's process table, without the sidecar; cgroup figures from its files or the engine. */
    @Override
    public Snapshot snapshot() {
        Instant at = Instant.now();
        SnapshotParser.Parsed parsed;
        try {
            parsed = SnapshotParser.parse(request("snapshot", REQUEST_TIMEOUT, true), at);
        } catch (ProbeFormatException e) {
            throw failure("its answer was not a snapshot: " + e.getMessage(), e);
        }
        if (parsed.noCgroup().isEmpty()) {
            return parsed.snapshot();
        }
        Snapshot s = parsed.snapshot();
        return new Snapshot(s.takenAt(), s.processes(), EngineCgroup.read(getDockerClient(), targetId));
    }

    /**
     * Makes {@code count} orphans in the observed container's PID namespace: each exits as soon as it is
     * orphaned, so its adopter (PID 1) must reap it. Reports, per orphan, how long that took, or that it
     * was still there {@code window} after the last one exited.
     */
    public OrphanReport makeOrphans(int count, Duration window) {
        return makeOrphans(count, Duration.ZERO, window);
    }

    /**
     * As {@link #makeOrphans(int, Duration)}, the orphans exiting evenly over {@code spread} instead of all at
     * once: a PID 1 that reaps on a timer then leaves one of them waiting nearly a whole period, whatever the
     * timer's phase.
     */
    public OrphanReport makeOrphans(int count, Duration spread, Duration window) {
        return makeOrphans(new OrphanRequest(count, spread, window));
    }

    /** As {@link #makeOrphans(int, Duration, Duration)}, the request given whole (validate and the library share one). */
    public OrphanReport makeOrphans(OrphanRequest orphans) {
        // Not repeated on a broken connection: a second request would make more orphans.
        return OrphanReport.parse(
                request(
                        "orphans " + orphans.count() + " " + orphans.window().toMillis() + " "
                                + orphans.spread().toMillis(),
                        orphans.spread().plus(orphans.window()).plus(REQUEST_TIMEOUT),
                        false),
                orphans.window());
    }

    /** The id of the container this sidecar observes. */
    public String targetId() {
        return targetId;
    }

    /**
     * Sends one request and returns its answer's lines, up to and with its "end" line; an idempotent one
     * is sent once more on a fresh connection if the first broke (the engine's port proxy may drop one).
     */
    private synchronized List<String> request(String request, Duration timeout, boolean idempotent) {
        if (!isRunning()) {
            throw failure("the sidecar is not running (start it first, or the observed container has stopped)", null);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                if (socket == null) {
                    connect();
                }
                socket.setSoTimeout((int) timeout.toMillis());
                out.write((request + "\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                List<String> lines = new ArrayList<>();
                for (String line = in.readLine(); ; line = in.readLine()) {
                    if (line == null) {
                        throw new IOException("the connection closed before the answer ended");
                    }
                    if (line.startsWith("error ")) {
                        disconnect(); // what is left of the answer is not read: the next request starts afresh
                        throw failure("it said: " + SnapshotParser.unescape(line.substring("error ".length())), null);
                    }
                    lines.add(line);
                    if (line.startsWith("end")) {
                        return lines;
                    }
                }
            } catch (IOException e) {
                disconnect();
                if (attempt == 2 || !idempotent) {
                    throw failure(
                            "the sidecar stopped answering ('" + request + "': " + e.getMessage() + ")"
                                    + (targetRunning() ? "" : "; the observed container is no longer running"),
                            e);
                }
            }
        }
    }

    private void connect() throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(getHost(), getMappedPort(PORT)), 5000);
        s.setTcpNoDelay(true);
        socket = s;
        in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        out = s.getOutputStream();
    }

    private void disconnect() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // closing a broken connection: nothing left to save
        }
        socket = null;
    }

    private boolean targetRunning() {
        try {
            return Boolean.TRUE.equals(getDockerClient()
                    .inspectContainerCmd(targetId)
                    .exec()
                    .getState()
                    .getRunning());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private ProbeException failure(String what, Throwable cause) {
        return new ProbeException(
                "universal probe of container " + targetId.substring(0, Math.min(12, targetId.length())) + ": " + what,
                cause);
    }

    private static String name(InspectContainerResponse c) {
        return c.getName() == null ? c.getId().substring(0, 12) : c.getName().replaceFirst("^/", "");
    }

    @Override
    public synchronized void close() {
        disconnect();
        super.close();
    }
}
