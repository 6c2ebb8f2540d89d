package io.zombielab.scenario;

import java.util.Arrays;

/** How the supervisor stops a workload. */
public enum KillStrategy {
    /** SIGKILL to the direct child only: the story's original {@code cmd.Process.Kill()}. */
    PID_KILL("pid-kill", false),
    /** SIGTERM to the child's own process group: the story's first fix ({@code Setpgid}, {@code Kill(-pgid)}). */
    PGID_TERM("pgid-term", true);

    private final String id;
    private final boolean signalsWholeGroup;

    KillStrategy(String id, boolean signalsWholeGroup) {
        this.id = id;
        this.signalsWholeGroup = signalsWholeGroup;
    }

    public String id() {
        return id;
    }

    public boolean signalsWholeGroup() {
        return signalsWholeGroup;
    }

    public static KillStrategy byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown kill strategy '" + id + "' (known: "
                        + Arrays.stream(values()).map(KillStrategy::id).toList() + ")"));
    }

    @Override
    public String toString() {
        return id;
    }
}
