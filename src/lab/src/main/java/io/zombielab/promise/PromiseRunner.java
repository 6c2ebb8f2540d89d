package io.zombielab.promise;

import com.github.dockerjava.api.DockerClient;
import io.zombielab.fixture.EventLog;
import io.zombielab.image.Labels;
import io.zombielab.probe.ContainerLimits;
import io.zombielab.probe.HelperImage;
import io.zombielab.probe.ProbeChoice;
import io.zombielab.run.ContainerProbes;
import io.zombielab.run.ContainerSafety;
import io.zombielab.run.FanOut;
import io.zombielab.run.PauseSpec;
import io.zombielab.run.PodSandbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.StartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * Checks the promises of an init, each in a container of its own, several at once: the container's PID 1 is
 * the init under test (or, where the promise says so, zl-helper's inert init with the init below it) with
 * zl-helper as its child running the promise's command, or the image as it ships. The promise watches and
 * judges. Each container, and its sidecar if any, is removed after its promise.
 */
public final class PromiseRunner {

    /** Where the engine mounts its init (docker run --init) in the container, with its end of options. */
    private static final List<String> ENGINE_INIT = List.of("/sbin/docker-init", "--");

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

    /**
     * Every promise of {@code init}, {@code parallel} at a time, in the init's order; {@code progress} hears each
     * start, {@code why} turns what broke a check into words.
     */
    public List<PromiseResult> checkAll(
            ReaperUnderTest init,
            Grading grading,
            int parallel,
            Consumer<String> progress,
            Function<RuntimeException, String> why) {
        return FanOut.inOrder(
                init.promises(),
                Promises.START_FIRST,
                parallel,
                "zombielab-promise",
                (promise, index) -> {
                    progress.accept(init.name() + ": checking " + promise.id() + " ...");
                    return (PromiseResult) new PromiseResult.Judged(check(init, promise, grading));
                },
                (promise, broke) -> new PromiseResult.NotChecked(
                        init,
                        promise,
                        broke instanceof InterruptedException
                                ? "interrupted"
                                : why.apply(
                                        broke instanceof RuntimeException r ? r : new IllegalStateException(broke))));
    }

    public PromiseVerdict check(ReaperUnderTest init, Promise promise, Grading grading) {
        String cell = "promise:" + init.name() + "/" + promise.id();
        EventLog events = new EventLog();
        PromiseSetup setup = promise.setup(grading);
        // In a shared pod, the pause comes first and goes last: removing it ends the PID namespace.
        try (PodSandbox pod = pod(init, cell);
                GenericContainer<?> container = container(init, setup, events, cell, pod.pauseId())) {
            container.start();
            ContainerSafety.require(
                    container.getContainerInfo(), ContainerSafety.Kind.PROMISE, init.name() + " " + promise.id());
            try (PromiseContainer watched = new PromiseContainer(
                    container,
                    events,
                    () -> ContainerProbes.attach(container, probeChoice, runId, cell),
                    () -> ContainerProbes.sidecar(container, runId, cell),
                    "promise " + promise.id() + " of " + init.name())) {
                return promise.check(watched, init, grading);
            }
        }
    }

    /** The pod of an image validated in one (its pause started); an empty one otherwise. */
    private PodSandbox pod(ReaperUnderTest init, String cell) {
        boolean shared = init.launch() instanceof Launch.AsShipped shipped && shipped.inSharedPod();
        return shared
                ? PodSandbox.start(PauseSpec.of(HelperImage.ensure(docker), runId, cell), cell)
                : PodSandbox.none();
    }

    private GenericContainer<?> container(
            ReaperUnderTest init, PromiseSetup setup, EventLog events, String cell, Optional<String> pause) {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(init.image()))
                .withImagePullPolicy(name -> false)
                .withLabels(Labels.scenarioContainer(runId, cell))
                .withLogConsumer(events)
                // The exit-code promises end at once, with codes other than 0: nothing to wait for at start.
                .withStartupCheckStrategy(new StartupCheckStrategy() {
                    @Override
                    public StartupStatus checkStartupState(DockerClient client, String containerId) {
                        return StartupStatus.SUCCESSFUL;
                    }
                })
                .waitingFor(new AbstractWaitStrategy() {
                    @Override
                    protected void waitUntilReady() {}
                });
        if (setup instanceof PromiseSetup.ChildOfInit child) {
            container.withCopyToContainer(Transferable.of(kit.binary(), 0755), PromiseKit.IN_CONTAINER);
        }
        List<String> argv = argv(init, setup);
        Deployment deployment = init.deployment();
        container.withEnv(deployment.environment());
        return container.withCreateContainerCmdModifier(cmd -> {
            if (!argv.isEmpty()) {
                cmd.withEntrypoint(argv).withCmd(List.of());
            } else {
                deployment.entrypoint().ifPresent(cmd::withEntrypoint);
                deployment.cmd().ifPresent(cmd::withCmd);
            }
            deployment.user().ifPresent(cmd::withUser);
            deployment.workingDir().ifPresent(cmd::withWorkingDir);
            deployment.stopSignal().ifPresent(cmd::withStopSignal);
            if (setup instanceof PromiseSetup.ChildOfInit) {
                // The init in front of the test program is judged on docker stop's SIGTERM, whatever the image's
                // STOPSIGNAL (that is for the image's own app): forwards-signals tries the others.
                cmd.withStopSignal(io.zombielab.probe.StopSignal.DEFAULT.signalName());
            }
            if (!deployment.probes().isEmpty()) {
                // The deployment's probes are run by the check, on its schedule; the engine runs no health check of its
                // own.
                cmd.withHealthcheck(new com.github.dockerjava.api.model.HealthCheck().withTest(List.of("NONE")));
            }
            ContainerLimits.PROMISE.applyTo(cmd.getHostConfig().withInit(init.engineInit()));
            pause.ifPresent(id -> cmd.getHostConfig().withPidMode("container:" + id));
        });
    }

    /** [inert init --] the init's entrypoint (the image's own, unless given) zl-helper and the promise's command; empty as shipped. */
    private List<String> argv(ReaperUnderTest init, PromiseSetup setup) {
        if (!(setup instanceof PromiseSetup.ChildOfInit child) || !(init.launch() instanceof Launch.InFront front)) {
            return List.of();
        }
        List<String> argv = new ArrayList<>();
        if (child.belowInertInit()) {
            argv.addAll(List.of(PromiseKit.IN_CONTAINER, "inert-init", "--"));
        }
        if (!child.runner().isEmpty()) {
            argv.add(PromiseKit.IN_CONTAINER);
            argv.addAll(child.runner());
            if (init.engineInit()) {
                // The engine's init is PID 1 above the runner: the runner runs the same binary, where the engine mounts
                // it.
                argv.addAll(ENGINE_INIT);
            }
        }
        argv.addAll(front.entrypoint().orElseGet(() -> imageEntrypoint(init.image())));
        argv.add(child.program());
        argv.addAll(child.command());
        return argv;
    }

    private List<String> imageEntrypoint(String image) {
        String[] entrypoint = docker.inspectImageCmd(image).exec().getConfig().getEntrypoint();
        return entrypoint == null ? List.of() : List.of(entrypoint);
    }
}
