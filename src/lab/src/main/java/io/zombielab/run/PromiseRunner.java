package io.zombielab.run;

import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import io.zombielab.image.Labels;
import io.zombielab.observe.ChainLedger;
import io.zombielab.probe.ProcessTable;
import io.zombielab.probe.Probe;
import io.zombielab.probe.ProbeChoice;
import io.zombielab.observe.PromiseObservation;
import io.zombielab.probe.Snapshot;
import io.zombielab.scenario.Promise;
import io.zombielab.scenario.ReaperUnderTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.StartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * Checks one promise of an init: one container whose PID 1 is the init under test (or, for the sub-reaper
 * promise, zl-promise's inert init with the init under test below it), zl-promise as the init's child.
 */
public final class PromiseRunner {

    private static final int ORPHANS = 5;
    private static final int GROUP_CHILDREN = 2;
    /** docker stop's own default: a forwarding init stops its child long before the engine's SIGKILL. */
    private static final int STOP_TIMEOUT_SECONDS = 10;
    /**
     * For the reach checks: a group signal is delivered to every member in the same kill(2), so whoever
     * gets it announces it at once; the unreached are only waiting for the engine's SIGKILL.
     */
    private static final int REACH_STOP_TIMEOUT_SECONDS = 3;
    private static final Duration UP = Duration.ofSeconds(20);
    /** A reaper reaps on SIGCHLD, at once; zombies still there after this are not going to be reaped. */
    private static final Duration REAP_WINDOW = Duration.ofSeconds(3);

    private final DockerClient docker;
    private final PromiseKit kit;
    private final String runId;
    private final ProbeChoice probeChoice;

    public PromiseRunner(DockerClient docker, PromiseKit kit, String runId, ProbeChoice probeChoice) {
        this.docker = docker;
        this.kit = kit;
        this.runId = runId;
        this.probeChoice = probeChoice;
    }

    public PromiseObservation check(ReaperUnderTest reaper, Promise promise) {
        List<String> init = reaper.entrypoint().orElseGet(() -> imageEntrypoint(reaper.image()));
        List<String> argv = new ArrayList<>();
        if (promise == Promise.SUB_REAPER) {
            argv.addAll(List.of(PromiseKit.IN_CONTAINER, "inert-init", "--"));
        }
        argv.addAll(init);
        argv.add(PromiseKit.IN_CONTAINER);
        argv.addAll(kitCommand(promise));
        EventLog events = new EventLog();
        try (GenericContainer<?> container = container(reaper, promise, argv, events)) {
            container.start();
            ContainerSafety.require(container.getContainerInfo(), ContainerSafety.Kind.PROMISE, reaper.name() + " " + promise.id());
            String cell = "promise:" + reaper.name() + "/" + promise.id();
            return switch (promise) {
                case REAPS_ORPHANS, SUB_REAPER -> {
                    try (Probe probe = ContainerProbes.attach(container, probeChoice, runId, cell)) {
                        yield orphans(reaper, promise, container, probe, events);
                    }
                }
                // These end by themselves at once: nothing to look at while they run.
                case PASSES_EXIT_CODE, PASSES_SIGNAL_DEATH -> exit(reaper, promise, container, events);
                case FORWARDS_SIGTERM, SIGNAL_REACH, OWN_GROUPS_UNREACHED -> {
                    try (Probe probe = ContainerProbes.attach(container, probeChoice, runId, cell)) {
                        yield stop(reaper, promise, container, probe, events);
                    }
                }
            };
        }
    }

    private static List<String> kitCommand(Promise promise) {
        return switch (promise) {
            case REAPS_ORPHANS, SUB_REAPER -> List.of("orphans", "--count", Integer.toString(ORPHANS));
            // While the init is busy reaping: an init that waits for anyone (waitpid(-1)) can steal this status.
            case PASSES_EXIT_CODE -> List.of("orphans", "--count", Integer.toString(ORPHANS), "--then-exit", "7");
            case PASSES_SIGNAL_DEATH -> List.of("exit", "--signal", "TERM");
            case FORWARDS_SIGTERM -> List.of("wait-signal");
            case SIGNAL_REACH -> List.of("group", "--children", Integer.toString(GROUP_CHILDREN));
            case OWN_GROUPS_UNREACHED -> List.of("group", "--children", Integer.toString(GROUP_CHILDREN), "--own-group");
        };
    }

    private GenericContainer<?> container(ReaperUnderTest reaper, Promise promise, List<String> argv, EventLog events) {
        return new GenericContainer<>(DockerImageName.parse(reaper.image()))
                .withImagePullPolicy(name -> false)
                .withLabels(Labels.scenarioContainer(runId, "promise:" + reaper.name() + "/" + promise.id()))
                .withCopyToContainer(Transferable.of(kit.binary(), 0755), PromiseKit.IN_CONTAINER)
                .withLogConsumer(events)
                // The exit-code checks end at once, with codes other than 0: nothing to wait for at start.
                .withStartupCheckStrategy(new StartupCheckStrategy() {
                    @Override
                    public StartupStatus checkStartupState(DockerClient client, String containerId) {
                        return StartupStatus.SUCCESSFUL;
                    }
                })
                .waitingFor(new AbstractWaitStrategy() {
                    @Override
                    protected void waitUntilReady() {
                    }
                })
                .withCreateContainerCmdModifier(cmd -> {
                    cmd.withEntrypoint(argv).withCmd(List.of());
                    cmd.getHostConfig().withInit(reaper.engineInit()).withPidsLimit(256L)
                            .withMemory(512L << 20).withMemorySwap(512L << 20);
                });
    }

    private PromiseObservation orphans(ReaperUnderTest reaper, Promise promise, GenericContainer<?> container,
                                       Probe probe, EventLog events) {
        awaitEvent(reaper, promise, events, "orphans-done");
        Snapshot last;
        try {
            last = await().atMost(REAP_WINDOW).pollInterval(Duration.ofMillis(50))
                    .until(probe::snapshot, s -> s.zombieCount() == 0);
        } catch (ConditionTimeoutException e) {
            last = probe.snapshot();
        }
        stopContainer(container, STOP_TIMEOUT_SECONDS);
        return new PromiseObservation(reaper, promise, exitCode(container), Optional.empty(), (int) last.zombieCount(),
                0, 0, ProcessTable.format(last), events.text(), Optional.of(probe.mode()));
    }

    private PromiseObservation exit(ReaperUnderTest reaper, Promise promise, GenericContainer<?> container,
                                    EventLog events) {
        Integer code = docker.waitContainerCmd(container.getContainerId()).start()
                .awaitStatusCode(UP.toSeconds(), TimeUnit.SECONDS);
        return new PromiseObservation(reaper, promise, Optional.of(code.longValue()), Optional.empty(), 0, 0, 0, "",
                events.text(), Optional.empty());
    }

    private PromiseObservation stop(ReaperUnderTest reaper, Promise promise, GenericContainer<?> container,
                                    Probe probe, EventLog events) {
        awaitEvent(reaper, promise, events, promise == Promise.FORWARDS_SIGTERM ? "waiting" : "group-ready");
        Snapshot before = probe.snapshot();
        Duration latency = stopContainer(container,
                promise == Promise.FORWARDS_SIGTERM ? STOP_TIMEOUT_SECONDS : REACH_STOP_TIMEOUT_SECONDS);
        int parent = events.all(e -> e.name().equals("group-ready")).stream()
                .mapToInt(e -> Integer.parseInt(e.field("pid"))).findFirst().orElse(-1);
        List<Event> signals = events.all(e -> e.is("got-signal", "name", "TERM"));
        int signalled = promise == Promise.OWN_GROUPS_UNREACHED
                ? (int) signals.stream().filter(e -> Integer.parseInt(e.field("pid")) != parent).count()
                : signals.size();
        int groupSize = promise == Promise.FORWARDS_SIGTERM ? 1 : GROUP_CHILDREN + 1;
        return new PromiseObservation(reaper, promise, exitCode(container), Optional.of(latency), 0, signalled,
                groupSize, ProcessTable.format(before), events.text(), Optional.of(probe.mode()));
    }

    /** `docker stop`: SIGTERM to PID 1, SIGKILL after the timeout; how long it took says which ended it. */
    private Duration stopContainer(GenericContainer<?> container, int timeoutSeconds) {
        long started = System.nanoTime();
        if (Boolean.TRUE.equals(docker.inspectContainerCmd(container.getContainerId()).exec().getState().getRunning())) {
            docker.stopContainerCmd(container.getContainerId()).withTimeout(timeoutSeconds).exec();
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private Optional<Long> exitCode(GenericContainer<?> container) {
        var state = docker.inspectContainerCmd(container.getContainerId()).exec().getState();
        return Boolean.TRUE.equals(state.getRunning()) ? Optional.empty() : Optional.ofNullable(state.getExitCodeLong());
    }

    private static void awaitEvent(ReaperUnderTest reaper, Promise promise, EventLog events, String name) {
        try {
            await().atMost(UP).pollInterval(Duration.ofMillis(20)).until(() -> events.any(e -> e.name().equals(name)));
        } catch (ConditionTimeoutException e) {
            throw new ScenarioTimeoutException("promise " + promise.id() + " of " + reaper.name() + ": zl-promise never "
                    + "announced '" + name + "' within " + UP.toSeconds() + " s; container log:\n" + events.text(), e);
        }
    }

    private List<String> imageEntrypoint(String image) {
        String[] entrypoint = docker.inspectImageCmd(image).exec().getConfig().getEntrypoint();
        return entrypoint == null ? List.of() : List.of(entrypoint);
    }
}
