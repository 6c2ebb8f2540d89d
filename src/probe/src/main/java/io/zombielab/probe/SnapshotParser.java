package io.zombielab.probe;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads the sidecar's answer to {@code snapshot} (the format is written down in zl-helper's snapshot.go):
 * one item a line, escaped, ending in {@code end <count>}. The sidecar and its children are left out:
 * they are the observer, not the observed. Anything else than that format, or a snapshot cut short, is an
 * error that quotes the line.
 */
final class SnapshotParser {

    static final String HEADER = "zl-snapshot 1";

    /** The snapshot, and whether it carried cgroup files (empty: why the sidecar found none). */
    record Parsed(Snapshot snapshot, Optional<String> noCgroup) {}

    private SnapshotParser() {}

    static Parsed parse(List<String> lines, Instant takenAt) {
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new ProbeFormatException("not a zl-helper snapshot (want '" + HEADER + "' first): "
                    + (lines.isEmpty() ? "nothing" : lines.get(0)));
        }
        Items items = new Items();
        for (int i = 1; i < lines.size(); i++) {
            items.take(i + 1, lines.get(i));
        }
        items.checkComplete();
        CgroupFiles files = name -> Optional.ofNullable(items.cgroupFiles.get(name));
        return new Parsed(
                new Snapshot(takenAt, withoutObserver(items.processes(), items.probePid), files.figures()),
                items.cgroupFiles.isEmpty()
                        ? items.noCgroup.or(() -> Optional.of("no cgroup file in the snapshot"))
                        : Optional.empty());
    }

    /** The items of one snapshot, as its lines are read. */
    private static final class Items {
        final Map<String, String> cgroupFiles = new HashMap<>();
        final Map<Integer, String> stats = new LinkedHashMap<>();
        final Map<Integer, Long> rssAnon = new HashMap<>();
        final Map<Integer, String> chains = new HashMap<>();
        final Map<Integer, String> cmdlines = new HashMap<>();
        Optional<String> noCgroup = Optional.empty();
        int probePid = -1;
        int ended = -1;

        void take(int lineNumber, String line) {
            String[] f = line.split(" ", 3);
            try {
                switch (f[0]) {
                    case "probe-pid" -> probePid = Integer.parseInt(f[1]);
                    case "cgroup-file" -> cgroupFiles.put(f[1], unescape(rest(f)));
                    case "cgroup-none" ->
                        noCgroup = Optional.of(
                                unescape(line.substring("cgroup-none".length()).trim()));
                    case "proc" -> stats.put(Integer.parseInt(f[1]), unescape(f[2]));
                    case "rss-anon" -> rssAnon.put(Integer.parseInt(f[1]), Long.parseLong(f[2]));
                    case "chain" -> chains.put(Integer.parseInt(f[1]), unescape(rest(f)));
                    case "cmdline" -> cmdlines.put(Integer.parseInt(f[1]), unescape(rest(f)));
                    case "end" -> ended = Integer.parseInt(f[1]);
                    default ->
                        throw new ProbeFormatException(
                                "line " + lineNumber + " of the snapshot is no item it knows: " + line);
                }
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new ProbeFormatException("line " + lineNumber + " of the snapshot is malformed: " + line, e);
            }
        }

        private static String rest(String[] fields) {
            return fields.length > 2 ? fields[2] : "";
        }

        void checkComplete() {
            if (probePid < 0) {
                throw new ProbeFormatException("the snapshot has no 'probe-pid' line");
            }
            if (ended != stats.size()) {
                throw new ProbeFormatException("the snapshot is incomplete: "
                        + (ended < 0 ? "no 'end' line" : "'end " + ended + "' after " + stats.size() + " processes"));
            }
        }

        List<ProcessInfo> processes() {
            List<ProcessInfo> all = new ArrayList<>();
            stats.forEach((pid, stat) -> {
                StatLine s = StatLine.parse(stat);
                all.add(new ProcessInfo(
                        pid,
                        s.comm(),
                        s.state(),
                        s.ppid(),
                        s.pgid(),
                        s.startTime(),
                        s.rssPages() * 4,
                        chains.getOrDefault(pid, ""),
                        cmdlines.getOrDefault(pid, ""),
                        ProcessInfo.rssAnonOf(
                                s.state(),
                                rssAnon.containsKey(pid) ? OptionalLong.of(rssAnon.get(pid)) : OptionalLong.empty())));
            });
            return all;
        }
    }

    /** The sidecar's process and its children (the orphans it is making, before they are orphans). */
    private static List<ProcessInfo> withoutObserver(List<ProcessInfo> all, int probePid) {
        Set<Integer> observer = new HashSet<>(Set.of(probePid));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ProcessInfo p : all) {
                if (observer.contains(p.ppid()) && observer.add(p.pid())) {
                    grew = true;
                }
            }
        }
        return all.stream().filter(p -> !observer.contains(p.pid())).toList();
    }

    /** Undoes the sidecar's escaping: {@code \\} is a backslash, {@code \n} a newline. */
    static String unescape(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(next == 'n' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
