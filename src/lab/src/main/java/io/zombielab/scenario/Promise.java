package io.zombielab.scenario;

import java.util.Arrays;

/**
 * One promise an init makes, stated as one check, as tini's and dumb-init's own test suites state them.
 * Each is run in its own container with fixtures/promise-kit's {@code zl-promise} as the init's child.
 */
public enum Promise {
    REAPS_ORPHANS("reaps-orphans", "as PID 1, reaps the orphans it adopts (tini: reaping zombies)"),
    PASSES_EXIT_CODE("passes-exit-code", "exits with its child's exit code, 7, even while it reaps that child's orphans (tini: exit code passes through)"),
    PASSES_SIGNAL_DEATH("passes-signal-death", "exits 128+n when its child dies of signal n (143 for SIGTERM)"),
    FORWARDS_SIGTERM("forwards-sigterm", "forwards docker stop's SIGTERM to its child, which stops in well under the stop timeout"),
    SIGNAL_REACH("signal-reach", "who in the child's process group gets the forwarded SIGTERM: the child only, or the whole group (tini -g, dumb-init)"),
    OWN_GROUPS_UNREACHED("own-groups-unreached", "children the child put in process groups of their own (the story's Setpgid) get no SIGTERM from the init"),
    SUB_REAPER("sub-reaper", "not PID 1, still reaps orphans as a child sub-reaper (tini -s, catatonit); plain tini warns and does not");

    private final String id;
    private final String meaning;

    Promise(String id, String meaning) {
        this.id = id;
        this.meaning = meaning;
    }

    public String id() {
        return id;
    }

    public String meaning() {
        return meaning;
    }

    public static Promise byId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown promise '" + id + "' (known: "
                        + Arrays.stream(values()).map(Promise::id).toList() + ")"));
    }

    @Override
    public String toString() {
        return id;
    }
}
