package io.zombielab.scenario;

/**
 * The expected outcome for the synthetic chain, from how the chain is built (see fixtures/chain/level.js):
 * <ul>
 *   <li>pid-kill: SIGKILL reaches npm alone, which its supervisor reaps. Everything below npm lives on,
 *       re-parented to PID 1: live orphans, whatever the reaper, holding their memory. No zombies.</li>
 *   <li>pgid-term: the whole group gets SIGTERM. npm forwards it and waits for its shell, which dies at
 *       once and is reaped by npm. Each node level waits until its parent is gone, so it is always
 *       re-parented to PID 1 before it exits: without a reaper at PID 1 every node level becomes a
 *       zombie; with one, none does. No live orphans either way.</li>
 * </ul>
 * An init fixes zombies, not orphans. Counts are per cycle.
 */
public final class ChainTruthTable {

    private ChainTruthTable() {
    }

    /** What each cycle leaves; every cycle is expected to start. */
    public static Expectation expect(Reaper reaper, KillStrategy kill, ChainWorkload chain) {
        return switch (kill) {
            case PID_KILL -> new Expectation(0, chain.processesBelowNpm(), MemoryTrend.GROWS, SpawnOutcome.COMPLETES);
            case PGID_TERM -> new Expectation(reaper.reapsAdoptedOrphans() ? 0 : chain.nodeLevels(), 0,
                    MemoryTrend.FLAT, SpawnOutcome.COMPLETES);
        };
    }
}
