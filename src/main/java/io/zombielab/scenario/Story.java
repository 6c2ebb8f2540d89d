package io.zombielab.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * The story of shared/seed as six cells: {none, tini, docker-init} x {pid-kill, pgid-term}, the Go
 * supervisor, the synthetic chain, three stop/start cycles.
 */
public final class Story {

    public static final int CYCLES = 3;

    private Story() {
    }

    public static List<Scenario> cells() {
        List<Scenario> cells = new ArrayList<>();
        for (Reaper reaper : List.of(Reaper.NONE, Reaper.TINI, Reaper.DOCKER_INIT)) {
            for (KillStrategy kill : List.of(KillStrategy.PID_KILL, KillStrategy.PGID_TERM)) {
                cells.add(new Scenario(stageName(reaper, kill), reaper, SupervisorKind.GO, ChainWorkload.DEFAULT,
                        kill, CYCLES, Limits.DEFAULT,
                        ChainTruthTable.expect(reaper, kill, ChainWorkload.DEFAULT, CYCLES)));
            }
        }
        return List.copyOf(cells);
    }

    /** Which stage of the story a cell stands for. */
    public static String stageName(Reaper reaper, KillStrategy kill) {
        if (reaper == Reaper.NONE) {
            return kill == KillStrategy.PID_KILL ? "stage 1: original code" : "stage 2: first fix (process group)";
        }
        return kill == KillStrategy.PGID_TERM
                ? "stage 3: final fix (" + reaper.id() + " + process group)"
                : "an init alone (" + reaper.id() + " + pid kill)";
    }
}
