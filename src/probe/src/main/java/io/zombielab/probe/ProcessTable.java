package io.zombielab.probe;

import java.util.Comparator;
import java.util.Optional;
import java.util.function.Function;

/** Renders a snapshot the way `ps` would, with the chain marker, for failure messages and reports. */
public final class ProcessTable {

    private ProcessTable() {}

    /** The table as `ps` shows it; a CHAIN column only where a process carries a chain marker (the lab's workloads). */
    public static String format(Snapshot snapshot) {
        if (snapshot.processes().stream().allMatch(p -> p.chain().isEmpty())) {
            StringBuilder out = new StringBuilder(
                    String.format("%6s %6s %6s %-4s %9s %s%n", "PID", "PPID", "PGID", "STAT", "RSS(KiB)", "COMMAND"));
            sorted(snapshot)
                    .forEach(p -> out.append(String.format(
                            "%6d %6d %6d %-4s %9d %s%n",
                            p.pid(), p.ppid(), p.pgid(), p.state(), p.rssKiB(), p.displayCommand())));
            return cgroup(out, snapshot);
        }
        return format(snapshot, p -> p.chain().isEmpty() ? Optional.empty() : Optional.of(p.chain()));
    }

    /** The table, each process's chain as {@code chainOf} knows it (a zombie has lost its own marker). */
    public static String format(Snapshot snapshot, Function<ProcessInfo, Optional<String>> chainOf) {
        StringBuilder out = new StringBuilder(String.format(
                "%6s %6s %6s %-4s %9s %-6s %s%n", "PID", "PPID", "PGID", "STAT", "RSS(KiB)", "CHAIN", "COMMAND"));
        sorted(snapshot)
                .forEach(p -> out.append(String.format(
                        "%6d %6d %6d %-4s %9d %-6s %s%n",
                        p.pid(),
                        p.ppid(),
                        p.pgid(),
                        p.state(),
                        p.rssKiB(),
                        chainOf.apply(p).orElse("-"),
                        p.displayCommand())));
        return cgroup(out, snapshot);
    }

    private static java.util.stream.Stream<ProcessInfo> sorted(Snapshot snapshot) {
        return snapshot.processes().stream().sorted(Comparator.comparingInt(ProcessInfo::pid));
    }

    private static String cgroup(StringBuilder out, Snapshot snapshot) {
        CgroupFigures c = snapshot.cgroup();
        return out.append(String.format(
                        "cgroup: memory %s (anon rss %s), pids %s of %s%n",
                        mib(c.memoryBytes()),
                        mib(c.anonBytes()),
                        c.pids().isPresent() ? Long.toString(c.pids().getAsLong()) : "?",
                        c.pidsLimit()))
                .toString();
    }

    private static String mib(java.util.OptionalLong bytes) {
        return bytes.isPresent() ? (bytes.getAsLong() >> 20) + " MiB" : "?";
    }
}
