package io.zombielab.promise;

import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import io.zombielab.fixture.Event;
import io.zombielab.fixture.EventLog;
import io.zombielab.probe.OrphanReport;
import io.zombielab.probe.OrphanRequest;
import io.zombielab.probe.Probe;
import io.zombielab.probe.ProbeMode;
import io.zombielab.probe.ProbeSidecar;
import io.zombielab.probe.Signal;
import io.zombielab.probe.Snapshot;
import io.zombielab.run.ScenarioTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.awaitility.core.ConditionTimeoutException;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame;

/**
 * A promise's started container as its promise watches it: zl-helper's events, its process table (the probe
 * is attached on first use: the exit-code promises never need one), docker stop timed, and its exit code.
 */
public final class PromiseContainer implements AutoCloseable {

    /** zl-helper announces what it set up within this; a container that says nothing is broken. */
    private static final Duration UP = Duration.ofSeconds(20);

    /** How far apart two looks must agree for the processes to count as settled. */
    private static final Duration SETTLE = Duration.ofMillis(500);

    private final GenericContainer<?> container;
    private final EventLog events;
    private final Supplier<Probe> attach;
    private final Supplier<ProbeSidecar> sidecar;
    private final String what;
    private Probe probe;
    private ProbeSidecar orphanMaker;

    PromiseContainer(
            GenericContainer<?> container,
            EventLog events,
            Supplier<Probe> attach,
            Supplier<ProbeSidecar> sidecar,
            String what) {
        this.container = container;
        this.events = events;
        this.attach = attach;
        this.sidecar = sidecar;
        this.what = what;
    }

    /** The events as the followed output stream has brought them so far. */
    public EventLog events() {
        return events;
    }

    /** Every event the container has printed until now, read at once (docker logs): complete, unlike the stream. */
    public EventLog eventsNow() {
        return EventLog.of(container.getLogs());
    }

    /** The first event of that type, once zl-helper has printed it; fails, with the log, if it never does. */
    public <T extends Event> T awaitEvent(Class<T> type) {
        return awaitEvent(type, Duration.ZERO);
    }

    /** The same, for an event that comes {@code later} than zl-helper's setup (after a watch, say). */
    public <T extends Event> T awaitEvent(Class<T> type, Duration later) {
        Duration atMost = UP.plus(later);
        try {
            return await().atMost(atMost)
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> events.first(type, e -> true), Optional::isPresent)
                    .orElseThrow();
        } catch (ConditionTimeoutException e) {
            throw new ScenarioTimeoutException(
                    what + ": zl-helper never announced " + type.getSimpleName() + " within " + atMost.toSeconds()
                            + " s; container log:\n" + events.text(),
                    e);
        }
    }

    /**
     * Waits until the image's processes have settled: the same processes, under the same names, holding the same
     * memory (within 1%) in two looks {@link #SETTLE} apart. An image as it ships says nothing zombielab can
     * read, and a program still starting may not yet handle signals (Next.js installs its SIGTERM handler once
     * it is up): a stop or orphans sent then would judge its start, not its PID 1.
     */
    public void awaitSettled() {
        try {
            Snapshot[] last = {null};
            await().atMost(UP).pollDelay(Duration.ZERO).pollInterval(SETTLE).until(() -> {
                Snapshot now = snapshot();
                boolean same = last[0] != null && AtRest.same(last[0], now);
                last[0] = now;
                return same;
            });
        } catch (ConditionTimeoutException e) {
            throw new ScenarioTimeoutException(
                    what + ": its processes did not settle within " + UP.toSeconds()
                            + " s (they kept changing); container log:\n" + events.text(),
                    e);
        }
    }

    /** Orphans made from a sidecar in the container's PID namespace, adopted by its PID 1; each reap timed. */
    public OrphanReport makeOrphans(OrphanRequest orphans) {
        Probe p = probe();
        if (p instanceof ProbeSidecar sidecar) {
            return sidecar.makeOrphans(orphans);
        }
        if (orphanMaker == null) {
            orphanMaker = sidecar.get();
        }
        return orphanMaker.makeOrphans(orphans);
    }

    /** The process table now. */
    public Snapshot snapshot() {
        return probe().snapshot();
    }

    /** Which probe looked, if one did. */
    public Optional<ProbeMode> probeMode() {
        return Optional.ofNullable(probe).map(Probe::mode);
    }

    /**
     * The signal docker stop sends this container: its own STOPSIGNAL as the engine made it (the image's, or what
     * zombielab set from a deployment file), SIGTERM when it has none.
     */
    public io.zombielab.probe.StopSignal stopSignal() {
        String written = io.zombielab.engine.EngineJson.inspectContainer(container.getContainerId())
                .path("Config")
                .path("StopSignal")
                .asText("");
        return written.isBlank()
                ? io.zombielab.probe.StopSignal.DEFAULT
                : io.zombielab.probe.StopSignal.parse(written)
                        .orElseThrow(() -> new IllegalStateException(
                                "the container's stop signal is one zombielab does not know: " + written));
    }

    /** `docker stop`: its stop signal (SIGTERM unless it has another) to PID 1, SIGKILL after the timeout; how long it took says which ended it. */
    public Duration stop(int timeoutSeconds) {
        long started = System.nanoTime();
        if (Boolean.TRUE.equals(docker().inspectContainerCmd(container.getContainerId())
                .exec()
                .getState()
                .getRunning())) {
            docker().stopContainerCmd(container.getContainerId())
                    .withTimeout(timeoutSeconds)
                    .exec();
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /**
     * Runs {@code command} in the container as the engine runs a health check and the kubelet an exec probe
     * (docker exec, attached, to its end, at most {@link #UP}); its exit code. What it backgrounds stays, re-parented
     * to the container's PID 1.
     */
    public long exec(List<String> command, Optional<String> user) {
        var create = docker().execCreateCmd(container.getContainerId())
                .withCmd(command.toArray(String[]::new))
                .withAttachStdout(true)
                .withAttachStderr(true);
        user.ifPresent(create::withUser);
        String id = create.exec().getId();
        try {
            docker().execStartCmd(id)
                    .exec(new com.github.dockerjava.api.async.ResultCallback.Adapter<>())
                    .awaitCompletion(UP.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + command + " ran in " + what, e);
        }
        Long code = docker().inspectExecCmd(id).exec().getExitCodeLong();
        return code == null ? -1 : code;
    }

    /** Sends {@code signal} to PID 1, as docker stop does first, without waiting for the end. */
    public void signal(Signal signal) {
        docker().killContainerCmd(container.getContainerId())
                .withSignal(signal.signalName())
                .exec();
    }

    /** What the container printed on stderr until now (docker logs): where an init says why it failed. */
    public String stderrNow() {
        return container.getLogs(OutputFrame.OutputType.STDERR);
    }

    /**
     * Waits up to {@code atMost} for the container to end by itself; then, if it has, when it started and ended
     * (the engine's clock, which is the host's and the container's).
     */
    public Optional<Ended> awaitEnd(Duration atMost) {
        try {
            await().atMost(atMost)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> exitCode().isPresent());
        } catch (ConditionTimeoutException stillRunning) {
            return Optional.empty();
        }
        var state =
                docker().inspectContainerCmd(container.getContainerId()).exec().getState();
        return Optional.of(new Ended(
                state.getExitCodeLong(), Instant.parse(state.getStartedAt()), Instant.parse(state.getFinishedAt())));
    }

    /** How the container ended: its code, and when it started and ended. */
    public record Ended(long exitCode, Instant startedAt, Instant finishedAt) {}

    /**
     * Waits for the first event of that type, then until no more has come for {@code quiet}; gives up, quietly, after
     * {@code atMost} without any (none is an answer too). Returns how long it waited and the events it counted. It
     * reads the container's whole output each look (docker logs), not the followed stream, which can lag behind
     * on a busy machine: a count taken from a late stream would miss who got a signal.
     */
    public <T extends Event> Counted<T> awaitQuiet(Class<T> type, Duration atMost, Duration quiet) {
        long started = System.nanoTime();
        List<T> seen = new ArrayList<>();
        long[] changed = {started};
        try {
            await().atMost(atMost)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        List<T> now = EventLog.of(container.getLogs()).all(type);
                        if (now.size() != seen.size()) {
                            seen.clear();
                            seen.addAll(now);
                            changed[0] = System.nanoTime();
                        }
                        return !now.isEmpty() && System.nanoTime() - changed[0] >= quiet.toNanos();
                    });
        } catch (ConditionTimeoutException none) {
            // nothing came: what the caller counts is zero
        }
        return new Counted<>(
                List.copyOf(seen), Duration.ofNanos((seen.isEmpty() ? System.nanoTime() : changed[0]) - started));
    }

    /** The events {@link #awaitQuiet} counted, and how long after it began the last came (or how long it waited for none). */
    public record Counted<T extends Event>(List<T> events, Duration took) {}

    /** The exit code, once the container has ended by itself; fails if it has not within {@link #UP}. */
    public long awaitExit() {
        return docker().waitContainerCmd(container.getContainerId())
                .start()
                .awaitStatusCode(UP.toSeconds(), TimeUnit.SECONDS);
    }

    /** The container's exit code, if it has ended. */
    public Optional<Long> exitCode() {
        var state =
                docker().inspectContainerCmd(container.getContainerId()).exec().getState();
        return Boolean.TRUE.equals(state.getRunning())
                ? Optional.empty()
                : Optional.ofNullable(state.getExitCodeLong());
    }

    /** What every promise's verdict carries: exit code, the table it was judged on, the log, the probe. */
    public PromiseVerdict.Seen seen(String processTable) {
        return new PromiseVerdict.Seen(exitCode(), processTable, events.text(), probeMode());
    }

    private Probe probe() {
        if (probe == null) {
            probe = attach.get();
        }
        return probe;
    }

    private DockerClient docker() {
        return container.getDockerClient();
    }

    @Override
    public void close() {
        if (probe != null) {
            probe.close();
        }
        if (orphanMaker != null) {
            orphanMaker.close();
        }
    }
}
