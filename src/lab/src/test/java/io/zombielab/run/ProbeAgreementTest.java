package io.zombielab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zombielab.Settings;
import io.zombielab.engine.DockerEngine;
import io.zombielab.fixture.Chain;
import io.zombielab.fixture.Event;
import io.zombielab.fixture.EventLog;
import io.zombielab.image.ImageCatalog;
import io.zombielab.image.Labels;
import io.zombielab.observe.Census;
import io.zombielab.observe.ChainLedger;
import io.zombielab.observe.Classifier;
import io.zombielab.probe.EngineCgroup;
import io.zombielab.probe.HostProbe;
import io.zombielab.probe.PidsLimit;
import io.zombielab.probe.ProbeMode;
import io.zombielab.probe.ProbeSidecar;
import io.zombielab.probe.ProcessInfo;
import io.zombielab.probe.ProcessTable;
import io.zombielab.probe.Snapshot;
import io.zombielab.scenario.Reaper;
import io.zombielab.scenario.Scenario;
import io.zombielab.scenario.ScenarioFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The host probe and the universal probe (a sidecar in the container's PID namespace) must see the same
 * table and classify it the same, also where it is hardest: zombies listed last, a container out of PIDs,
 * a container whose process the OOM killer took. The engine's API, the universal probe's fallback for cgroup
 * figures, must agree with the files on the same containers. As a user who may not read the containers'
 * environments (not root: a CI runner), the host probe sees no chain markers; then the rest must agree.
 */
@DisplayName("The host and the universal probe agree")
@Tag("container")
class ProbeAgreementTest {

    private static final String RUN = System.getenv().getOrDefault("ZOMBIELAB_RUN_ID", "probe-agreement");
    private static final Chain C1 = new Chain(1);

    @Test
    @DisplayName(
            "on zombies of PID 1 listed last (stage 2 after one stopped cycle): same table, same zombies and orphans")
    void zombiesListedLast() {
        Scenario stage2 =
                ScenarioFiles.load(List.of(Path.of("scenarios/story.yaml"))).get(1);
        assertThat(stage2.reaper()).isEqualTo(Reaper.NONE);
        ImageCatalog images = images();
        EventLog events = new EventLog();
        ContainerSpec spec = ContainerSpec.of(stage2, images.forReaper(Reaper.NONE), Optional.empty(), RUN);
        try (PodSandbox noPod = PodSandbox.start(spec, "stage 2");
                GenericContainer<?> container = ScenarioContainer.create(spec, noPod, events)) {
            container.start();
            var supervisor =
                    new SupervisorClient(container.getHost(), container.getMappedPort(SupervisorClient.CONTROL_PORT));
            supervisor.start();
            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            events.any(Event.ChainReady.class, e -> e.chain().equals(C1)));
            supervisor.stop();
            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            events.all(Event.LevelExiting.class, e -> e.chain().equals(C1))
                                            .size()
                                    == 2);
            try (ProbeSidecar sidecar = sidecar(container)) {
                ChainLedger ledger = new ChainLedger();
                Agreement both = agree(container, sidecar, s -> s.zombieCount() == 2);
                ledger.record(both.universal());
                Census host = Classifier.classify(both.host(), Set.of(C1), ledger);
                Census universal = Classifier.classify(both.universal(), Set.of(C1), ledger);
                assertThat(pids(universal.zombies()))
                        .as(both.tables())
                        .isEqualTo(pids(host.zombies()))
                        .hasSize(2);
                assertThat(pids(universal.liveOrphans()))
                        .as(both.tables())
                        .isEqualTo(pids(host.liveOrphans()))
                        .isEmpty();
                assertThat(both.universal()
                                .processes()
                                .get(both.universal().processes().size() - 1)
                                .isZombie())
                        .as("the last process listed is a zombie (what broke the exec probe)\n" + both.tables())
                        .isTrue();
                assertThat(both.universal().cgroup().pidsLimit()).isEqualTo(PidsLimit.of(512));
            }
        }
    }

    @Test
    @DisplayName(
            "in a pod sharing its PID namespace (pause at PID 1), after a pid-kill cycle: same table, the orphans pause adopted, the cell's own cgroup")
    void podSharedPidNamespace() {
        Scenario cell = ScenarioFiles.load(List.of(Path.of("scenarios/matrix.yaml"))).stream()
                .filter(c -> c.id().equals("pod-shared/go/pid-kill"))
                .findFirst()
                .orElseThrow();
        ImageCatalog images = images();
        EventLog events = new EventLog();
        ContainerSpec spec =
                ContainerSpec.of(cell, images.forReaper(cell.reaper()), images.pauseFor(cell.reaper()), RUN);
        try (PodSandbox pod = PodSandbox.start(spec, "the agreement test's pod");
                GenericContainer<?> container = ScenarioContainer.create(spec, pod, events)) {
            container.start();
            var supervisor =
                    new SupervisorClient(container.getHost(), container.getMappedPort(SupervisorClient.CONTROL_PORT));
            supervisor.start();
            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            events.any(Event.ChainReady.class, e -> e.chain().equals(C1)));
            supervisor.stop();
            await().atMost(Duration.ofSeconds(30)).until(() -> events.npmExited(C1));
            try (ProbeSidecar sidecar = sidecar(container)) {
                // npm is SIGKILLed and reaped by the supervisor; its shell is re-parented to PID 1, pause.
                Agreement both = agree(container, sidecar, s -> s.processes().stream()
                        .anyMatch(p -> p.ppid() == 1 && p.isAlive() && p.comm().equals("sh")));
                ChainLedger ledger = new ChainLedger();
                ledger.record(both.universal());
                Census host = Classifier.classify(both.host(), Set.of(C1), ledger);
                Census universal = Classifier.classify(both.universal(), Set.of(C1), ledger);
                assertThat(both.universal().process(1)).as(both.tables()).get().satisfies(p -> assertThat(p.cmdline())
                        .isEqualTo("/zl-helper pause"));
                assertThat(both.universal().processes())
                        .as("the supervisor, not PID 1, its parent outside the namespace\n" + both.tables())
                        .filteredOn(p -> p.cmdline().contains("supervisor-go"))
                        .singleElement()
                        .satisfies(p -> assertThat(p.pid()).isNotEqualTo(1))
                        .extracting(ProcessInfo::ppid)
                        .isEqualTo(0);
                assertThat(pids(universal.liveOrphans()))
                        .as(both.tables())
                        .isEqualTo(pids(host.liveOrphans()))
                        .hasSize(3);
                assertThat(universal.zombies()).as(both.tables()).isEmpty();
                assertThat(host.zombies()).as(both.tables()).isEmpty();
                for (Snapshot s : List.of(both.host(), both.universal())) {
                    assertThat(s.cgroup().pidsLimit())
                            .as("the cell's cgroup, not pause's (32)")
                            .isEqualTo(PidsLimit.of(512));
                    assertThat(s.cgroup().anonBytes().orElse(0))
                            .as("the orphans' ballast is the cell's memory")
                            .isGreaterThan(64L << 20);
                }
            }
        }
    }

    @Test
    @DisplayName("on a container out of PIDs: the sidecar forks in its own cgroup; same table, same refused forks")
    void outOfPids() {
        try (GenericContainer<?> container = baseContainer(
                        "node",
                        "-e",
                        "const {spawn} = require('child_process'); "
                                + "for (let i = 0; i < 40; i++) spawn('sleep', ['1000']).on('error', () => {}); setInterval(() => {}, 1e9)")
                .withCreateContainerCmdModifier(
                        c -> c.getHostConfig().withPidsLimit(24L).withMemory(256L << 20))) {
            container.start();
            try (ProbeSidecar sidecar = sidecar(container)) {
                Agreement both = agree(
                        container,
                        sidecar,
                        s -> s.cgroup().forksRefused().orElse(0) > 0
                                && s.cgroup().pids().equals(OptionalLong.of(24))
                                && s.cgroup().pidsLimit().equals(PidsLimit.of(24)));
                assertThat(both.universal().cgroup().forksRefused())
                        .as(both.tables())
                        .isEqualTo(both.host().cgroup().forksRefused());
                assertThat(both.universal().cgroup().forksRefused().getAsLong()).isPositive();
                assertThat(both.universal().cgroup().pids()).hasValue(24);
                assertEngineAgrees(container, both.universal());
            }
        }
    }

    @Test
    @DisplayName(
            "on a container whose process the OOM killer took: same table, same OOM kill count, also from the engine")
    void oomKilled() {
        try (GenericContainer<?> container = baseContainer("sh", "-c", "tail /dev/zero; exec sleep 1000")
                .withCreateContainerCmdModifier(c -> c.getHostConfig()
                        .withPidsLimit(64L)
                        .withMemory(32L << 20)
                        .withMemorySwap(32L << 20))) {
            container.start();
            try (ProbeSidecar sidecar = sidecar(container)) {
                Agreement both = agree(
                        container,
                        sidecar,
                        s -> s.cgroup().oomKills().orElse(0) > 0
                                && s.processes().size() == 1
                                && s.processes().get(0).comm().equals("sleep"));
                assertThat(both.universal().cgroup().oomKills())
                        .as(both.tables())
                        .isEqualTo(both.host().cgroup().oomKills())
                        .hasValue(1);
                assertEngineAgrees(container, both.universal());
            }
        }
    }

    private record Agreement(Snapshot host, Snapshot universal) {
        String tables() {
            return "host probe:\n" + ProcessTable.format(host) + "universal probe:\n" + ProcessTable.format(universal);
        }
    }

    /**
     * Waits until the container is in the state the test made (both probes see it), then until two snapshots
     * taken back to back agree; fails showing both tables if they never do.
     */
    private static Agreement agree(
            GenericContainer<?> container, ProbeSidecar universal, java.util.function.Predicate<Snapshot> ready) {
        long initPid = container.getContainerInfo().getState().getPidLong();
        HostProbe host = new HostProbe(Path.of("/proc"), Path.of("/sys/fs/cgroup"), initPid);
        boolean markers = java.nio.file.Files.isReadable(Path.of("/proc/" + initPid + "/environ"));
        assertThat(host.mode()).isEqualTo(ProbeMode.HOST);
        assertThat(universal.mode()).isEqualTo(ProbeMode.UNIVERSAL);
        await("the container to reach the state under test")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> ready.test(host.snapshot()) && ready.test(universal.snapshot()));
        var last = new java.util.concurrent.atomic.AtomicReference<Agreement>();
        try {
            await("both probes to see the same table")
                    .atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        Agreement a = new Agreement(host.snapshot(), universal.snapshot());
                        last.set(a);
                        return identities(a.host(), markers).equals(identities(a.universal(), markers))
                                && a.host()
                                        .cgroup()
                                        .pids()
                                        .equals(a.universal().cgroup().pids());
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            assertThat(identities(last.get().universal(), markers))
                    .as(last.get().tables())
                    .isEqualTo(identities(last.get().host(), markers));
        }
        Agreement a = last.get();
        assertThat(a.universal().cgroup().pidsLimit())
                .isEqualTo(a.host().cgroup().pidsLimit());
        assertThat(a.universal().cgroup().oomKills())
                .isEqualTo(a.host().cgroup().oomKills());
        assertThat(a.universal().cgroup().forksRefused())
                .isEqualTo(a.host().cgroup().forksRefused());
        return a;
    }

    /** The engine's stats and events, the universal probe's fallback, give the same pids and OOM kills. */
    private static void assertEngineAgrees(GenericContainer<?> container, Snapshot files) {
        var api = EngineCgroup.read(container.getDockerClient(), container.getContainerId());
        assertThat(api.pidsLimit())
                .as("pids limit from the engine")
                .isEqualTo(files.cgroup().pidsLimit());
        assertThat(api.pids())
                .as("pids from the engine")
                .isEqualTo(files.cgroup().pids());
        assertThat(api.oomKills())
                .as("OOM kills from the engine's events")
                .isEqualTo(files.cgroup().oomKills());
        assertThat(api.forksRefused())
                .as("the API does not report refused forks")
                .isEmpty();
    }

    private static ProbeSidecar sidecar(GenericContainer<?> target) {
        ProbeSidecar sidecar = new ProbeSidecar(target).withLabels(Labels.probeSidecar(RUN, "probe-agreement"));
        sidecar.start();
        ContainerSafety.require(sidecar.getContainerInfo(), ContainerSafety.Kind.PROBE, "the agreement test's sidecar");
        return sidecar;
    }

    private static GenericContainer<?> baseContainer(String... command) {
        return new GenericContainer<>(DockerImageName.parse(System.getenv("ZOMBIELAB_BASE_IMAGE")))
                .withImagePullPolicy(name -> false)
                .withLabels(Labels.scenarioContainer(RUN, "probe-agreement"))
                .withCommand(command);
    }

    private static List<Integer> pids(List<ProcessInfo> processes) {
        return processes.stream().map(ProcessInfo::pid).toList();
    }

    /**
     * What must not differ between the probes (rss and cgroup usage move on their own between two looks); the
     * chain marker only where the host probe may read the processes' environments.
     */
    private static List<String> identities(Snapshot s, boolean markers) {
        return s.processes().stream()
                .map(p -> p.pid() + " " + p.ppid() + " " + p.pgid() + " " + p.state() + " " + p.comm() + " "
                        + (markers ? p.chain() : "") + " " + p.startTime())
                .toList();
    }

    private static ImageCatalog images() {
        Settings settings = Settings.fromEnvironment();
        return new ImageCatalog(
                DockerEngine.client(settings.engine()),
                settings.places().layout(),
                settings.run().requireBaseImage(),
                settings.run().extraCaCertificates(),
                line -> System.out.println("[zombielab] " + line));
    }
}
