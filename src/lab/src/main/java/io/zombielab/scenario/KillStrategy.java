package io.zombielab.scenario;

import java.util.List;

/** How the supervisor stops a workload. */
public enum KillStrategy {
    /** SIGKILL to the direct child only: the story's original {@code cmd.Process.Kill()}. */
    PID_KILL("pid-kill", false),
    /** SIGTERM to the direct child only; npm passes it on to its shell alone. */
    PID_TERM("pid-term", false),
    /** SIGTERM to the child's own process group: the story's first fix ({@code Setpgid}, {@code Kill(-pgid)}). */
    PGID_TERM("pgid-term", true),
    /** SIGTERM to the group, a grace period, then SIGKILL to whatever is left of it. */
    PGID_TERM_THEN_KILL("pgid-term-then-kill", true),
    /** SIGTERM to the child and to each of its descendants found by ProcessHandle (Java). */
    TREE("tree", true);

    private final String id;
    private final boolean signalsEveryLevel;

    KillStrategy(String id, boolean signalsEveryLevel) {
        this.id = id;
        this.signalsEveryLevel = signalsEveryLevel;
    }

    public String id() {
        return id;
    }

    /** True when every process of the chain gets SIGTERM (not only the direct child). */
    public boolean signalsEveryLevel() {
        return signalsEveryLevel;
    }

    public static KillStrategy byId(String id) {
        return Ids.byId(List.of(values()), KillStrategy::id, id, "kill strategy");
    }

    @Override
    public String toString() {
        return id;
    }
}
