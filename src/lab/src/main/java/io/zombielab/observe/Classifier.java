package io.zombielab.observe;

import io.zombielab.fixture.Chain;
import io.zombielab.probe.ProcessInfo;
import io.zombielab.probe.Snapshot;
import java.util.Set;

/** Tells zombies and live orphans apart in a snapshot. */
public final class Classifier {

    private Classifier() {}

    /**
     * @param stoppedChains chains the supervisor has stopped: any of their processes still alive is an orphan
     */
    public static Census classify(Snapshot snapshot, Set<Chain> stoppedChains, ChainLedger ledger) {
        return new Census(
                snapshot.processes().stream().filter(ProcessInfo::isZombie).toList(),
                snapshot.processes().stream()
                        .filter(ProcessInfo::isAlive)
                        .filter(p -> ledger.chainOf(p)
                                .flatMap(Chain::of)
                                .map(stoppedChains::contains)
                                .orElse(false))
                        .toList());
    }
}
