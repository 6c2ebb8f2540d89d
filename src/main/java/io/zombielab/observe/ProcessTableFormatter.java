package io.zombielab.observe;

import java.util.Comparator;

/** Renders a snapshot the way `ps` would, with the chain marker, for failure messages and reports. */
public final class ProcessTableFormatter {

    private ProcessTableFormatter() {
    }

    public static String format(Snapshot snapshot, ChainLedger ledger) {
        StringBuilder out = new StringBuilder(String.format("%6s %6s %6s %-4s %9s %-6s %s%n",
                "PID", "PPID", "PGID", "STAT", "RSS(KiB)", "CHAIN", "COMMAND"));
        snapshot.processes().stream().sorted(Comparator.comparingInt(ProcessInfo::pid)).forEach(p ->
                out.append(String.format("%6d %6d %6d %-4s %9d %-6s %s%n", p.pid(), p.ppid(), p.pgid(),
                        p.state(), p.rssKiB(), ledger.chainOf(p).orElse("-"), p.displayCommand())));
        CgroupFigures c = snapshot.cgroup();
        out.append(String.format("cgroup: memory %d MiB (anon rss %d MiB), pids %d of %s%n",
                c.memoryUsageBytes() >> 20, c.memoryRssBytes() >> 20, c.pidsCurrent(),
                c.pidsMax() < 0 ? "max" : Long.toString(c.pidsMax())));
        return out.toString();
    }
}
