package io.zombielab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zombielab.engine.DockerEngine;
import io.zombielab.image.ImageCatalog;
import io.zombielab.image.ProjectLayout;
import io.zombielab.observe.ChainLedger;
import io.zombielab.observe.ExecProbe;
import io.zombielab.observe.HostProbe;
import io.zombielab.observe.ProcessInfo;
import io.zombielab.observe.ProcessTableFormatter;
import io.zombielab.observe.Snapshot;
import io.zombielab.scenario.Reaper;
import io.zombielab.scenario.Scenario;
import io.zombielab.scenario.ScenarioFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;

/** The host probe and the exec probe must see the same process table in a real container. */
class ProbeAgreementTest {

    @Test
    @DisplayName("host /proc and docker exec see the same zombies, live chain, namespaces and groups; the host probe is faster")
    void bothProbesSeeTheSameTable() {
        Scenario stage2 = ScenarioFiles.load(List.of(Path.of("scenarios/story.yaml"))).get(1);
        assertThat(stage2.reaper()).isEqualTo(Reaper.NONE);
        ImageCatalog images = new ImageCatalog(DockerEngine.client(), ProjectLayout.current(),
                ImageCatalog.baseImageFromEnvironment(), line -> System.out.println("[zombielab] " + line));
        EventLog events = new EventLog();
        try (GenericContainer<?> container = ScenarioContainer.create(stage2, images.forReaper(Reaper.NONE),
                "probe-agreement", events)) {
            container.start();
            var supervisor = new SupervisorClient(container.getHost(), container.getMappedPort(SupervisorClient.CONTROL_PORT));
            // Cycle 1 stopped by group: two zombies. Cycle 2 left running: a live chain.
            supervisor.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> events.any(e -> e.is("ready", "chain", "c1")));
            supervisor.stop();
            await().atMost(Duration.ofSeconds(30)).until(() -> events.all(e -> e.is("exiting", "chain", "c1")).size() == 2);
            supervisor.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> events.any(e -> e.is("ready", "chain", "c2")));

            HostProbe host = HostProbe.forLocalContainer(container.getContainerInfo().getState().getPidLong()).orElseThrow();
            ExecProbe exec = new ExecProbe(container);
            // Zombies may still be exiting when the first look is taken: compare once both agree on the zombie count.
            await().atMost(Duration.ofSeconds(10)).until(() -> host.snapshot().zombieCount() == 2);
            Snapshot viaHost = host.snapshot();
            Snapshot viaExec = exec.snapshot();

            assertThat(identities(viaHost))
                    .as("host probe:\n%s\nexec probe:\n%s", ProcessTableFormatter.format(viaHost, new ChainLedger()),
                            ProcessTableFormatter.format(viaExec, new ChainLedger()))
                    .isEqualTo(identities(viaExec))
                    .hasSize(7);
            assertThat(viaHost.cgroup().pidsMax()).isEqualTo(viaExec.cgroup().pidsMax()).isEqualTo(512);
            assertThat(viaHost.cgroup().oomKills()).isEqualTo(viaExec.cgroup().oomKills()).isZero();

            // The same container, the same 7 processes: the median of 100 snapshots each, printed for README.
            double hostMs = medianMillis(host::snapshot);
            double execMs = medianMillis(exec::snapshot);
            System.out.printf("[zombielab] snapshot latency, median of %d: host probe %.2f ms, exec probe %.2f ms, "
                    + "ratio %.0fx%n", SAMPLES, hostMs, execMs, execMs / hostMs);
            assertThat(hostMs).as("host probe median (exec: %.2f ms)", execMs).isLessThan(execMs);
        }
    }

    private static final int SAMPLES = 100;

    private static double medianMillis(Runnable snapshot) {
        double[] ms = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            snapshot.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        java.util.Arrays.sort(ms);
        return (ms[SAMPLES / 2 - 1] + ms[SAMPLES / 2]) / 2;
    }

    /** What must not differ between the probes (rss and cgroup usage move on their own between two looks). */
    private static List<String> identities(Snapshot s) {
        return s.processes().stream().map((ProcessInfo p) -> p.pid() + " " + p.ppid() + " " + p.pgid() + " " + p.state()
                + " " + p.comm() + " " + p.chain() + " " + p.startTime()).toList();
    }
}
