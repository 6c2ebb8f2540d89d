package io.zombielab.run;

import io.zombielab.probe.ProcessInfo;
import io.zombielab.probe.Snapshot;
import io.zombielab.scenario.ChainWorkload;
import io.zombielab.scenario.KillStrategy;
import io.zombielab.scenario.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a stopped cycle of the synthetic chain is over, judged from what each process was sent, never
 * from what the reaper is expected to do:
 * <ul>
 *   <li>the supervisor has reaped its direct child (npm): the "exited" event;</li>
 *   <li>if every level was signalled (group or tree kills), every node level of the chain has announced "exiting" and is
 *       no longer running (gone, or a zombie). The real app announces nothing: there, no process carrying the
 *       cycle's marker may still be running.</li>
 * </ul>
 * Until then the cycle is still moving; after it, nothing of this chain changes any more.
 */
final class ChainSettle {

    private ChainSettle() {
    }

    /** Empty when settled; otherwise what is still pending, for a timeout message. */
    static Optional<String> pending(int cycle, KillStrategy kill, Workload workload, EventLog events, Snapshot snapshot) {
        if (workload instanceof ChainWorkload chain) {
            return pending(cycle, kill, chain.nodeLevels(), events, snapshot);
        }
        String chain = "c" + cycle;
        List<String> pending = new ArrayList<>();
        if (!events.any(e -> e.is("exited", "cycle", Integer.toString(cycle)))) {
            pending.add("the supervisor has not reaped cycle " + cycle + "'s npm yet");
        }
        if (kill.signalsEveryLevel()) {
            snapshot.processes().stream().filter(p -> p.isAlive() && p.chain().equals(chain)).forEach(p ->
                    pending.add("pid " + p.pid() + " (" + p.comm() + ", " + chain + ") is still running"));
        }
        return pending.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", pending));
    }

    /** The synthetic chain: settled by what its levels announced. */
    static Optional<String> pending(int cycle, KillStrategy kill, int nodeLevels, EventLog events, Snapshot snapshot) {
        String chain = "c" + cycle;
        List<String> pending = new ArrayList<>();
        if (!events.any(e -> e.is("exited", "cycle", Integer.toString(cycle)))) {
            pending.add("the supervisor has not reaped cycle " + cycle + "'s npm yet");
        }
        if (kill.signalsEveryLevel()) {
            List<Event> exiting = events.all(e -> e.is("exiting", "chain", chain));
            if (exiting.size() < nodeLevels) {
                pending.add(exiting.size() + " of " + nodeLevels + " node levels of " + chain + " announced their exit");
            }
            for (Event e : exiting) {
                int pid = Integer.parseInt(e.field("pid"));
                snapshot.process(pid).filter(ProcessInfo::isAlive).ifPresent(p ->
                        pending.add("pid " + pid + " (" + chain + " level " + e.field("level") + ") is still running"));
            }
        }
        return pending.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", pending));
    }
}
