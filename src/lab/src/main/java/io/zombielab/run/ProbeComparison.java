package io.zombielab.run;

import static org.awaitility.Awaitility.await;

import io.zombielab.image.Labels;
import io.zombielab.probe.ContainerLimits;
import io.zombielab.probe.HostProbe;
import io.zombielab.probe.Probe;
import io.zombielab.probe.ProbeSidecar;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Both probes, timed on the same container: 7 processes, 3 of them zombies of a PID 1 that never reaps
 * ({@code sleep}, after bash exec'd it). A snapshot each way, many times; the host probe only where this
 * host shows the container. For `zombielab probes` and bench/probes.
 */
public final class ProbeComparison {

    /** Minimum, median and maximum of one probe's snapshots, in milliseconds. */
    public record Timing(double min, double median, double max) {
        static Timing of(double[] ms) {
            Arrays.sort(ms);
            int n = ms.length;
            return new Timing(ms[0], n % 2 == 1 ? ms[n / 2] : (ms[n / 2 - 1] + ms[n / 2]) / 2, ms[n - 1]);
        }

        @Override
        public String toString() {
            return String.format("median %.2f ms (min %.2f, max %.2f)", median, min, max);
        }
    }

    /** @param host empty where this host does not show the container (not root, or a remote engine) */
    public record Result(int processes, int zombies, Optional<Timing> host, Timing universal) {}

    private ProbeComparison() {}

    public static Result run(String baseImage, String runId, int samples) {
        try (GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(baseImage))
                .withImagePullPolicy(name -> false)
                .withLabels(Labels.scenarioContainer(runId, "probes"))
                .withCreateContainerCmdModifier(c -> ContainerLimits.PROBE_TIMING.applyTo(c.getHostConfig()))
                .withCommand("bash", "-c", "for i in 1 2 3; do (sleep 0.1 &); (sleep 1000 &); done; exec sleep 1000")) {
            container.start();
            Optional<HostProbe> host = HostProbe.forLocalContainer(
                    container.getContainerId(),
                    container.getContainerInfo().getState().getPidLong());
            try (ProbeSidecar sidecar = new ProbeSidecar(container).withLabels(Labels.probeSidecar(runId, "probes"))) {
                sidecar.start();
                var settled = await("3 zombies and 3 sleeping children of PID 1")
                        .atMost(Duration.ofSeconds(20))
                        .until(
                                sidecar::snapshot,
                                s -> s.zombieCount() == 3 && s.processes().size() == 7);
                return new Result(
                        settled.processes().size(),
                        (int) settled.zombieCount(),
                        host.map(h -> time(h, samples)),
                        time(sidecar, samples));
            }
        }
    }

    private static Timing time(Probe probe, int samples) {
        Supplier<Object> look = probe::snapshot;
        for (int i = 0; i < 10; i++) {
            look.get(); // warm: connections, class loading, the page cache
        }
        double[] ms = new double[samples];
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            look.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        return Timing.of(ms);
    }
}
