package io.zombielab.observe;

import java.io.IOException;
import java.time.Instant;
import org.testcontainers.containers.Container;

/** Takes snapshots by running fixtures/probe/zl-probe in the container through the Docker API (exec). */
public final class ExecProbe implements Probe {

    public static final String PROBE = "/opt/zombielab/bin/zl-probe";

    private final Container<?> container;
    private final ProbeOutputParser parser = new ProbeOutputParser();

    public ExecProbe(Container<?> container) {
        this.container = container;
    }

    @Override
    public Snapshot snapshot() {
        Instant at = Instant.now();
        Container.ExecResult result;
        try {
            result = container.execInContainer(PROBE);
        } catch (IOException e) {
            throw new IllegalStateException("probe failed in container " + container.getContainerName() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while probing " + container.getContainerName(), e);
        }
        if (result.getExitCode() != 0) {
            throw new IllegalStateException("probe exited " + result.getExitCode() + " in " + container.getContainerName()
                    + ": " + result.getStderr());
        }
        return parser.parse(result.getStdout(), at);
    }
}
