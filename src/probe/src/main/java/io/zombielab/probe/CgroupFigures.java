package io.zombielab.probe;

import java.util.OptionalLong;

/**
 * Memory and PID figures of a container's cgroup; a figure nobody could read is empty, never a number.
 *
 * @param memoryBytes  memory.usage_in_bytes (v1) or memory.current (v2): includes the page cache
 * @param anonBytes    anonymous resident memory (v1 total_rss, v2 anon): what leaked processes hold
 * @param pids         tasks in the cgroup: threads count too, zombies too
 * @param pidsLimit    pids.max
 * @param forksRefused how often the pids limit refused a fork or thread (the "max" of pids.events)
 * @param oomKills     processes the kernel's OOM killer killed in the cgroup (oom_kill of v1's
 *                     memory.oom_control or v2's memory.events)
 */
public record CgroupFigures(
        OptionalLong memoryBytes,
        OptionalLong anonBytes,
        OptionalLong pids,
        PidsLimit pidsLimit,
        OptionalLong forksRefused,
        OptionalLong oomKills) {

    /** Nothing known. */
    public static final CgroupFigures UNKNOWN = new CgroupFigures(
            OptionalLong.empty(),
            OptionalLong.empty(),
            OptionalLong.empty(),
            PidsLimit.UNKNOWN,
            OptionalLong.empty(),
            OptionalLong.empty());

    /** Whether the pids limit refused more forks here than in {@code earlier}: a process could not start. */
    public boolean refusedMoreForksThan(CgroupFigures earlier) {
        return more(forksRefused, earlier.forksRefused);
    }

    /** Whether the OOM killer struck since {@code earlier}. */
    public boolean oomKilledSince(CgroupFigures earlier) {
        return more(oomKills, earlier.oomKills);
    }

    private static boolean more(OptionalLong now, OptionalLong before) {
        return now.isPresent() && before.isPresent() && now.getAsLong() > before.getAsLong();
    }
}
