package io.zombielab.junit;

import io.zombielab.probe.Snapshot;
import org.testcontainers.containers.ContainerState;

/** How failures name a container, its PID 1 and processes. */
final class Describe {

    private Describe() {}

    /** "my-app-1 (image my/app:1)", or the short id where the engine gives no name. */
    static String container(ContainerState c) {
        try {
            var info = c.getContainerInfo();
            return info.getName().replaceFirst("^/", "") + " (image "
                    + info.getConfig().getImage() + ")";
        } catch (RuntimeException notStarted) {
            return c.getContainerId() == null
                    ? "(a container not started)"
                    : c.getContainerId().substring(0, 12);
        }
    }

    /** "'sleep infinity'": PID 1's command line as the table shows it, or "?" when it was not seen. */
    static String pidOne(Snapshot s) {
        return s.process(1).map(p -> "'" + p.displayCommand() + "'").orElse("?");
    }
}
