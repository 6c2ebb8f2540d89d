package io.zombielab.scenario;

/**
 * The expected outcome for the synthetic chain, from how the chain is built (see fixtures/chain/level.js):
 * <ul>
 *   <li>pid-kill: SIGKILL reaches npm alone, which its supervisor reaps. Everything below npm lives on,
 *       re-parented to PID 1: live orphans, whatever the reaper, holding their memory. No zombies.</li>
 *   <li>pid-term: SIGTERM reaches npm alone, which passes it to its shell only (as with the real
 *       `next start`): the shell dies and is reaped by npm, every node level lives on.</li>
 *   <li>pgid-term, pgid-term-then-kill, tree: every level gets SIGTERM. npm forwards it and waits for its shell, which dies at
 *       once and is reaped by npm. Each node level waits until its parent is gone, so it is always
 *       re-parented to PID 1 before it exits: without a reaper at PID 1 every node level becomes a
 *       zombie; with one, none does. No live orphans either way.</li>
 * </ul>
 * An init fixes zombies, not orphans. Counts are per cycle.
 */
public final class ChainTruthTable {

    private ChainTruthTable() {}

    /** What each cycle leaves; every cycle is expected to start. */
    public static Expectation expect(Reaper reaper, KillStrategy kill, ChainWorkload chain) {
        return switch (kill) {
            case PID_KILL -> new Expectation(0, chain.processesBelowNpm(), MemoryTrend.GROWS, SpawnOutcome.COMPLETES);
            case PID_TERM -> new Expectation(0, chain.nodeLevels(), MemoryTrend.GROWS, SpawnOutcome.COMPLETES);
            case PGID_TERM, PGID_TERM_THEN_KILL, TREE ->
                new Expectation(
                        reaper.reapsAdoptedOrphans() ? 0 : chain.nodeLevels(),
                        0,
                        MemoryTrend.FLAT,
                        SpawnOutcome.COMPLETES);
        };
    }
}
