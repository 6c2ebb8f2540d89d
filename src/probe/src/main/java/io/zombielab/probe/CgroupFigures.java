package io.zombielab.probe;

/**
 * Memory and PID figures of the container's cgroup.
 *
 * @param memoryUsageBytes memory.usage_in_bytes (v1) or memory.current (v2): includes page cache
 * @param memoryRssBytes   anonymous resident memory (v1 total_rss, v2 anon): what leaked processes hold
 * @param pidsCurrent      tasks in the cgroup: threads count too, zombies too
 * @param pidsMax          pids.max, or -1 for "max"
 * @param forksRefused     how often the pids limit refused a fork or thread (pids.events "max"); -1 if unknown
 * @param oomKills         processes the kernel's OOM killer killed in this cgroup (oom_kill of v1's
 *                         memory.oom_control or v2's memory.events); -1 if unknown
 */
public record CgroupFigures(long memoryUsageBytes, long memoryRssBytes, long pidsCurrent, long pidsMax,
                            long forksRefused, long oomKills) {

    /** Figures of a probe that does not read OOM kills. */
    public CgroupFigures(long memoryUsageBytes, long memoryRssBytes, long pidsCurrent, long pidsMax, long forksRefused) {
        this(memoryUsageBytes, memoryRssBytes, pidsCurrent, pidsMax, forksRefused, -1);
    }
}
