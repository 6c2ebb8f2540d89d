package io.zombielab.observe;

import io.zombielab.probe.ProcessInfo;
import io.zombielab.probe.Snapshot;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers which chain each process belonged to while it was alive. A zombie has no environment left
 * to read, so its chain is looked up here by (pid, start time), which survives pid reuse.
 */
public final class ChainLedger {

    private final Map<ProcessInfo.ProcessKey, String> chains = new ConcurrentHashMap<>();

    public void record(Snapshot snapshot) {
        for (ProcessInfo p : snapshot.processes()) {
            if (!p.chain().isEmpty()) {
                chains.put(p.key(), p.chain());
            }
        }
    }

    /** The chain a process belongs to: its own marker, or the one it had when last seen alive. */
    public Optional<String> chainOf(ProcessInfo process) {
        if (!process.chain().isEmpty()) {
            return Optional.of(process.chain());
        }
        return Optional.ofNullable(chains.get(process.key()));
    }
}
