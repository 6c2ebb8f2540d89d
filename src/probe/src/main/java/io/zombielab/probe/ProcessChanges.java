package io.zombielab.probe;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What happened to a container's processes between two snapshots: which are leaks. A process leaks when,
 * after the change has settled,
 * <ul>
 *   <li>it is alive and is new, or was re-parented to PID 1 in between (its parent died under it: an orphan,
 *       what the story's {@code cmd.Process.Kill()} left of {@code next start}); or</li>
 *   <li>it is a zombie and was not one before (nobody reaped it: what a PID 1 that never reaps leaves).</li>
 * </ul>
 * Processes are matched by pid and start time, so a pid taken again by another process is a new process.
 *
 * @param before the table before the change
 * @param after  the table after it
 */
public record ProcessChanges(Snapshot before, Snapshot after) {

    /** Live processes the change left behind: new ones, and old ones it orphaned to PID 1. */
    public List<ProcessInfo> orphans() {
        Map<ProcessInfo.ProcessKey, ProcessInfo> earlier = byKey(before);
        return after.processes().stream()
                .filter(ProcessInfo::isAlive)
                .filter(p -> p.pid() != 1)
                .filter(p -> {
                    ProcessInfo was = earlier.get(p.key());
                    return was == null || (p.ppid() == 1 && was.ppid() != 1);
                })
                .toList();
    }

    /** Zombies the change made: processes that are zombies now and were not before. */
    public List<ProcessInfo> zombies() {
        Map<ProcessInfo.ProcessKey, ProcessInfo> earlier = byKey(before);
        return after.processes().stream()
                .filter(ProcessInfo::isZombie)
                .filter(p ->
                        !earlier.containsKey(p.key()) || !earlier.get(p.key()).isZombie())
                .toList();
    }

    /** Whether the change left nothing behind. */
    public boolean leaksNothing() {
        return orphans().isEmpty() && zombies().isEmpty();
    }

    /** What the change left alive, in the words the library's checks use: "2 process(es) alive that it started or orphaned: ...". */
    public String orphanWords() {
        return orphans().size() + " process(es) alive that it started or orphaned: " + describe(orphans());
    }

    /** The zombies it left, in the same words: "1 zombie(s), which PID 1 does not reap: ...". */
    public String zombieWords() {
        return zombies().size() + " zombie(s), which PID 1 does not reap: " + describe(zombies());
    }

    /** Everything it left, orphans then zombies ("" when nothing): one wording for ActionAssert and @LeaksNoProcesses. */
    public String leakWords() {
        String orphans = orphans().isEmpty() ? "" : orphanWords();
        String zombies = zombies().isEmpty() ? "" : zombieWords();
        return orphans.isEmpty() || zombies.isEmpty() ? orphans + zombies : orphans + "; and " + zombies;
    }

    /** {@code "pid 23 'sh -c next start' (re-parented to PID 1), pid 25 [zl-c1-L2] <defunct>"}. */
    public static String describe(List<ProcessInfo> processes) {
        return processes.stream()
                .map(p -> "pid " + p.pid() + " '" + p.displayCommand() + "'"
                        + (p.isAlive()
                                ? p.ppid() == 1 ? " (re-parented to PID 1)" : " (child of pid " + p.ppid() + ")"
                                : ""))
                .collect(Collectors.joining(", "));
    }

    private static Map<ProcessInfo.ProcessKey, ProcessInfo> byKey(Snapshot s) {
        Map<ProcessInfo.ProcessKey, ProcessInfo> map = new HashMap<>();
        s.processes().forEach(p -> map.put(p.key(), p));
        return map;
    }
}
