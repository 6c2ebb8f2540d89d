package io.zombielab.observe;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses what fixtures/probe/zl-probe prints into a {@link Snapshot}. The probe's own shell and its
 * children are left out: they are the observer, not the scenario.
 */
public final class ProbeOutputParser {

    // Fields of /proc/[pid]/stat after "pid (comm)", counted from 0 at the state field (man 5 proc).
    private static final int STATE = 0, PPID = 1, PGRP = 2, START_TIME = 19, RSS_PAGES = 21;

    private final long pageSizeKiB;

    public ProbeOutputParser(long pageSizeKiB) {
        this.pageSizeKiB = pageSizeKiB;
    }

    public ProbeOutputParser() {
        this(4);
    }

    public Snapshot parse(String output, Instant takenAt) {
        String[] lines = output.split("\n", -1);
        Map<String, Long> cgroup = new HashMap<>();
        List<ProcessInfo> processes = new ArrayList<>();
        Map<Integer, Long> rssAnon = new HashMap<>();
        int probePid = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("probe-pid ")) {
                probePid = Integer.parseInt(line.substring("probe-pid ".length()).trim());
            } else if (line.startsWith("cgroup ")) {
                String[] parts = line.split(" ", 3);
                cgroup.put(parts[1], parseCgroupValue(parts.length > 2 ? parts[2].trim() : "", line));
            } else if (line.startsWith("rss-anon ")) {
                // Optional (older recordings lack it): "rss-anon <pid> <KiB>", from /proc/<pid>/status.
                String[] parts = line.trim().split(" ");
                try {
                    rssAnon.put(Integer.parseInt(parts[1]), Long.parseLong(parts[2]));
                } catch (RuntimeException e) {
                    throw new ProbeFormatException("line " + (i + 1) + " is not 'rss-anon <pid> <KiB>': " + line, e);
                }
            } else if (line.startsWith("proc ")) {
                if (i + 3 >= lines.length) {
                    throw new ProbeFormatException("truncated process record at line " + (i + 1) + ": " + line);
                }
                processes.add(parseProcess(lines[i + 1], lines[i + 2], lines[i + 3], i + 2));
                i += 3;
            } else if (!line.isBlank()) {
                throw new ProbeFormatException("unexpected line " + (i + 1) + " of probe output: " + line);
            }
        }
        if (probePid < 0) {
            throw new ProbeFormatException("probe output has no 'probe-pid' line: is this zl-probe output?");
        }
        List<ProcessInfo> withAnon = processes.stream()
                .map(p -> p.isZombie() ? p.withRssAnonKiB(0) : p.withRssAnonKiB(rssAnon.getOrDefault(p.pid(), -1L)))
                .toList();
        return new Snapshot(takenAt, withoutProbe(withAnon, probePid), new CgroupFigures(
                cgroup.getOrDefault("memory.usage_bytes", -1L), cgroup.getOrDefault("memory.rss_bytes", -1L),
                cgroup.getOrDefault("pids.current", -1L), cgroup.getOrDefault("pids.max", -1L),
                cgroup.getOrDefault("pids.forks_refused", -1L), cgroup.getOrDefault("memory.oom_kills", -1L)));
    }

    /** Parses one /proc/[pid]/stat line; the name sits in parentheses and may itself hold spaces or ')'. */
    ProcessInfo parseProcess(String stat, String chain, String cmdline, int lineNumber) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 1 || close < open) {
            throw new ProbeFormatException("line " + lineNumber + " is not a /proc/[pid]/stat line: " + stat);
        }
        String[] f = stat.substring(close + 2).split(" ");
        if (f.length <= RSS_PAGES) {
            throw new ProbeFormatException("line " + lineNumber + " has " + f.length + " fields after the name, want "
                    + (RSS_PAGES + 1) + ": " + stat);
        }
        try {
            return new ProcessInfo(
                    Integer.parseInt(stat.substring(0, open).trim()),
                    stat.substring(open + 1, close),
                    f[STATE].charAt(0),
                    Integer.parseInt(f[PPID]),
                    Integer.parseInt(f[PGRP]),
                    Long.parseLong(f[START_TIME]),
                    Long.parseLong(f[RSS_PAGES]) * pageSizeKiB,
                    chain.trim(),
                    cmdline.trim());
        } catch (NumberFormatException e) {
            throw new ProbeFormatException("line " + lineNumber + " has a malformed number: " + stat, e);
        }
    }

    private static long parseCgroupValue(String value, String line) {
        if (value.equals("max") || value.isEmpty()) { // "max": no limit; empty: this kernel has no such counter
            return -1;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ProbeFormatException("cgroup figure is not a number: " + line, e);
        }
    }

    private static List<ProcessInfo> withoutProbe(List<ProcessInfo> all, int probePid) {
        Set<Integer> probe = new HashSet<>(Set.of(probePid));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ProcessInfo p : all) {
                if (probe.contains(p.ppid()) && probe.add(p.pid())) {
                    grew = true;
                }
            }
        }
        return all.stream().filter(p -> !probe.contains(p.pid())).toList();
    }

    /** The probe printed something this parser cannot read. */
    public static final class ProbeFormatException extends RuntimeException {
        ProbeFormatException(String message) {
            super(message);
        }

        ProbeFormatException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
