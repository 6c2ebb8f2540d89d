package io.zombielab.scenario;

/**
 * The expected outcome for the real Next.js app, whose tree is npm -> sh -> next-server (checked on every
 * run, see {@link NextAppWorkload#expectedTree()}):
 * <ul>
 *   <li>pid-kill: SIGKILL reaches npm alone. The shell and next-server live on under PID 1: 2 live orphans
 *       per cycle, and next-server's memory with them, whatever the reaper.</li>
 *   <li>pid-term: npm passes SIGTERM to its shell only; the shell dies and npm reaps it. next-server never
 *       hears of it: 1 live orphan per cycle.</li>
 *   <li>pgid-term, pgid-term-then-kill, tree: all three get SIGTERM. The shell dies at once (npm reaps
 *       it); next-server runs its shutdown handler first, so it dies after its parent, re-parented to
 *       PID 1: a zombie per cycle where PID 1 never reaps, none under a reaper. No live orphans.</li>
 * </ul>
 */
public final class NextAppTruthTable {

    private NextAppTruthTable() {}

    public static Expectation expect(Reaper reaper, KillStrategy kill) {
        return switch (kill) {
            case PID_KILL -> new Expectation(0, 2, MemoryTrend.GROWS, SpawnOutcome.COMPLETES);
            case PID_TERM -> new Expectation(0, 1, MemoryTrend.GROWS, SpawnOutcome.COMPLETES);
            case PGID_TERM, PGID_TERM_THEN_KILL, TREE ->
                new Expectation(reaper.reapsAdoptedOrphans() ? 0 : 1, 0, MemoryTrend.FLAT, SpawnOutcome.COMPLETES);
        };
    }
}
