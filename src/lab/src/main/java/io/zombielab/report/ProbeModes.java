package io.zombielab.report;

import io.zombielab.probe.ProbeMode;
import java.util.Collection;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** How a run's containers were observed, in the words every report uses. */
public final class ProbeModes {

    private ProbeModes() {}

    /** "universal probe: a sidecar in the container's PID namespace (...)", or each mode where cells differ. */
    public static String describe(Collection<ProbeMode> used) {
        var modes = new TreeSet<>(used);
        if (modes.isEmpty()) {
            return "no container was observed";
        }
        return modes.stream().map(m -> m.id() + " probe: " + m.description()).collect(Collectors.joining("; "));
    }
}
