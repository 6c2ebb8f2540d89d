package io.zombielab.run;

import io.zombielab.observe.ExecProbe;
import io.zombielab.observe.HostProbe;
import io.zombielab.observe.Probe;
import java.util.Locale;
import org.testcontainers.containers.GenericContainer;

/**
 * Which probe observes a container: the host's /proc when the engine runs on this machine (no process
 * started inside the container, so it works even when the container is out of PIDs), else `docker exec`.
 * ZOMBIELAB_PROBE=exec or =host forces one.
 */
public final class ProbeChoice {

    private ProbeChoice() {
    }

    public static Probe forContainer(GenericContainer<?> container) {
        String wanted = System.getenv().getOrDefault("ZOMBIELAB_PROBE", "auto").toLowerCase(Locale.ROOT);
        if (wanted.equals("exec")) {
            return new ExecProbe(container);
        }
        Long initPid = container.getContainerInfo().getState().getPidLong();
        var host = HostProbe.forLocalContainer(initPid == null ? -1 : initPid);
        if (host.isPresent()) {
            return host.get();
        }
        if (wanted.equals("host")) {
            throw new IllegalStateException("ZOMBIELAB_PROBE=host, but the container's processes are not visible in "
                    + "this host's /proc (a remote engine?)");
        }
        return new ExecProbe(container);
    }
}
