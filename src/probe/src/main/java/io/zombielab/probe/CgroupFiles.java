package io.zombielab.probe;

import java.util.Optional;

/**
 * The files of one container's cgroup, by the name they have under its mount: cgroup v2's
 * {@code memory.current}, {@code memory.stat}, ... or cgroup v1's, under their controller:
 * {@code memory/memory.stat}, {@code pids/pids.max}, ... Where they come from (the host's /sys/fs/cgroup, or
 * the container's own mount read by the sidecar) does not change what they mean: {@link #figures()} reads
 * both versions the one way the kernel documents them.
 */
@FunctionalInterface
interface CgroupFiles {

    /** The file's content, or empty when it does not exist or cannot be read. */
    Optional<String> read(String name);

    /** The figures, from v2's files when there are any, else v1's. */
    default CgroupFigures figures() {
        if (read("memory.current").isPresent() || read("pids.current").isPresent()) {
            return new CgroupFigures(number("memory.current"), key("memory.stat", "anon"), number("pids.current"),
                    number("pids.max"), key("pids.events", "max"), key("memory.events", "oom_kill"));
        }
        return new CgroupFigures(number("memory/memory.usage_in_bytes"), key("memory/memory.stat", "total_rss"),
                number("pids/pids.current"), number("pids/pids.max"), key("pids/pids.events", "max"),
                key("memory/memory.oom_control", "oom_kill"));
    }

    /** A file holding one number; "max" (no limit) and a missing file are -1. */
    private long number(String name) {
        String text = read(name).map(String::trim).orElse("");
        if (text.isEmpty() || text.equals("max")) {
            return -1;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new ProbeFormatException("cgroup file " + name + " does not hold a number: '" + text + "'", e);
        }
    }

    /** The value of {@code key} in a "key value" per line file (memory.stat, pids.events); -1 if absent. */
    private long key(String name, String key) {
        return read(name).orElse("").lines().map(l -> l.trim().split("\\s+")).filter(f -> f.length == 2 && f[0].equals(key))
                .mapToLong(f -> {
                    try {
                        return Long.parseLong(f[1]);
                    } catch (NumberFormatException e) {
                        throw new ProbeFormatException("cgroup file " + name + ": '" + key + "' is not a number: " + f[1], e);
                    }
                }).findFirst().orElse(-1);
    }
}
