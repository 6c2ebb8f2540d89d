package io.zombielab.probe;

import java.util.Optional;
import java.util.OptionalLong;

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
            return new CgroupFigures(
                    number("memory.current"),
                    key("memory.stat", "anon"),
                    number("pids.current"),
                    limit("pids.max"),
                    key("pids.events", "max"),
                    key("memory.events", "oom_kill"));
        }
        return new CgroupFigures(
                number("memory/memory.usage_in_bytes"),
                key("memory/memory.stat", "total_rss"),
                number("pids/pids.current"),
                limit("pids/pids.max"),
                key("pids/pids.events", "max"),
                key("memory/memory.oom_control", "oom_kill"));
    }

    /** A file holding one number; empty when there is no such file. */
    private OptionalLong number(String name) {
        return read(name)
                .map(String::trim)
                .filter(t -> !t.isEmpty())
                .map(t -> OptionalLong.of(parse(name, t)))
                .orElse(OptionalLong.empty());
    }

    /** pids.max: a number, or "max" for none. */
    private PidsLimit limit(String name) {
        return read(name)
                .map(String::trim)
                .filter(t -> !t.isEmpty())
                .map(t -> t.equals("max") ? PidsLimit.NONE : PidsLimit.of(parse(name, t)))
                .orElse(PidsLimit.UNKNOWN);
    }

    /** The value of {@code key} in a "key value" per line file (memory.stat, pids.events); empty if absent. */
    private OptionalLong key(String name, String key) {
        return read(name)
                .orElse("")
                .lines()
                .map(l -> l.trim().split("\\s+"))
                .filter(f -> f.length == 2 && f[0].equals(key))
                .mapToLong(f -> parse(name + ": '" + key + "'", f[1]))
                .findFirst();
    }

    private static long parse(String what, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new ProbeFormatException("cgroup file " + what + " does not hold a number: '" + text + "'", e);
        }
    }
}
