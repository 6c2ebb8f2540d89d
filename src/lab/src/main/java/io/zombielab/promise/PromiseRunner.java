package io.zombielab.promise;

import com.github.dockerjava.api.DockerClient;
import io.zombielab.fixture.EventLog;
import io.zombielab.image.Labels;
import io.zombielab.probe.ProbeChoice;
import io.zombielab.run.ContainerProbes;
import io.zombielab.run.ContainerSafety;
import java.util.ArrayList;
import java.util.List;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.StartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * Checks one promise of an init: one container whose PID 1 is the init under test (or, where the promise says
 * so, zl-helper's inert init with the init below it), zl-helper as the init's child running the promise's
 * command; the promise watches and judges. The container, and its probe's sidecar if any, are removed after.
 */
public final class PromiseRunner {

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

    public PromiseVerdict check(ReaperUnderTest init, Promise promise) {
        String cell = "promise:" + init.name() + "/" + promise.id();
        EventLog events = new EventLog();
        try (GenericContainer<?> container = container(init, promise, argv(init, promise), events, cell)) {
            container.start();
            ContainerSafety.require(container.getContainerInfo(), ContainerSafety.Kind.PROMISE, init.name() + " " + promise.id());
            try (PromiseContainer watched = new PromiseContainer(container, events,
                    () -> ContainerProbes.attach(container, probeChoice, runId, cell), "promise " + promise.id() + " of " + init.name())) {
                return promise.check(watched, init);
            }
        }
    }

    /** [inert init --] the init's entrypoint (the image's own, unless given) zl-helper and the promise's command. */
    private List<String> argv(ReaperUnderTest init, Promise promise) {
        List<String> argv = new ArrayList<>();
        if (promise.initBelowInertInit()) {
            argv.addAll(List.of(PromiseKit.IN_CONTAINER, "inert-init", "--"));
        }
        argv.addAll(init.entrypoint().orElseGet(() -> imageEntrypoint(init.image())));
        argv.add(PromiseKit.IN_CONTAINER);
        argv.addAll(promise.childCommand());
        return argv;
    }

    private GenericContainer<?> container(ReaperUnderTest init, Promise promise, List<String> argv, EventLog events, String cell) {
        return new GenericContainer<>(DockerImageName.parse(init.image()))
                .withImagePullPolicy(name -> false)
                .withLabels(Labels.scenarioContainer(runId, cell))
                .withCopyToContainer(Transferable.of(kit.binary(), 0755), PromiseKit.IN_CONTAINER)
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
                    protected void waitUntilReady() {
                    }
                })
                .withCreateContainerCmdModifier(cmd -> {
                    cmd.withEntrypoint(argv).withCmd(List.of());
                    cmd.getHostConfig().withInit(init.engineInit()).withPidsLimit(256L)
                            .withMemory(512L << 20).withMemorySwap(512L << 20);
                });
    }

    private List<String> imageEntrypoint(String image) {
        String[] entrypoint = docker.inspectImageCmd(image).exec().getConfig().getEntrypoint();
        return entrypoint == null ? List.of() : List.of(entrypoint);
    }
}
