package io.zombielab.observe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads a container's process table and cgroup figures from the host's /proc and /sys/fs/cgroup, for a
 * local engine. Unlike {@link ExecProbe} it starts nothing inside the container, so it still works when
 * the container has no PID left to fork (the point of the PID-exhaustion cells), and it is much faster.
 *
 * <p>The container's processes are the descendants of its init's host pid: zombies have already left the
 * cgroup's process list and lost their namespace links, but keep their parent. Pids are translated to
 * the container's namespace with the NSpid and NSpgid lines of /proc/[pid]/status.
 */
public final class HostProbe implements Probe {

    private final Path proc;
    private final Path cgroupRoot;
    private final long initHostPid;
    private final ProbeOutputParser statParser = new ProbeOutputParser();

    public HostProbe(Path proc, Path cgroupRoot, long initHostPid) {
        this.proc = proc;
        this.cgroupRoot = cgroupRoot;
        this.initHostPid = initHostPid;
    }

    /** A probe for the container whose init has host pid {@code initHostPid}, if this host can see it. */
    public static Optional<HostProbe> forLocalContainer(long initHostPid) {
        Path proc = Path.of("/proc");
        if (initHostPid <= 0 || !Files.isReadable(proc.resolve(initHostPid + "/environ"))) {
            return Optional.empty();
        }
        return Optional.of(new HostProbe(proc, Path.of("/sys/fs/cgroup"), initHostPid));
    }

    @Override
    public Snapshot snapshot() {
        Instant at = Instant.now();
        Map<Long, Long> parentOf = new HashMap<>();
        Map<Long, String> stats = new HashMap<>();
        try (Stream<Path> entries = Files.list(proc)) {
            entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(dir -> {
                readText(dir.resolve("stat")).ifPresent(stat -> {
                    long pid = Long.parseLong(dir.getFileName().toString());
                    stats.put(pid, stat.trim());
                    parentOf.put(pid, hostPpid(stat));
                });
            });
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + proc + ": " + e.getMessage(), e);
        }
        if (!stats.containsKey(initHostPid)) {
            throw new IllegalStateException("the container's init (host pid " + initHostPid + ") is gone");
        }
        List<Long> members = descendantsOf(initHostPid, parentOf);
        Map<Long, Integer> nsPid = new HashMap<>();
        Map<Long, Integer> nsPgid = new HashMap<>();
        Map<Long, Integer> rssAnon = new HashMap<>();
        for (long pid : members) {
            readText(proc.resolve(pid + "/status")).ifPresent(status -> {
                lastField(status, "NSpid:").ifPresent(v -> nsPid.put(pid, v));
                lastField(status, "NSpgid:").ifPresent(v -> nsPgid.put(pid, v));
                firstField(status, "RssAnon:").ifPresent(v -> rssAnon.put(pid, v));
            });
        }
        List<ProcessInfo> processes = new ArrayList<>();
        for (long pid : members) {
            if (!nsPid.containsKey(pid)) {
                continue; // gone while we looked
            }
            String chain = readBytes(proc.resolve(pid + "/environ")).map(HostProbe::chainMarker).orElse("");
            String cmdline = readBytes(proc.resolve(pid + "/cmdline"))
                    .map(b -> new String(b, StandardCharsets.UTF_8).replace('\0', ' ').trim()).orElse("");
            ProcessInfo host = statParser.parseProcess(stats.get(pid), chain, cmdline, 0);
            processes.add(new ProcessInfo(nsPid.get(pid), host.comm(), host.state(),
                    pid == initHostPid ? 0 : nsPid.getOrDefault(parentOf.get(pid), 0),
                    nsPgid.getOrDefault(pid, 0), host.startTime(), host.rssKiB(), chain, cmdline,
                    host.isZombie() ? 0 : rssAnon.getOrDefault(pid, -1)));
        }
        return new Snapshot(at, processes, cgroupFigures());
    }

    private static List<Long> descendantsOf(long root, Map<Long, Long> parentOf) {
        Map<Long, List<Long>> children = new HashMap<>();
        parentOf.forEach((pid, ppid) -> children.computeIfAbsent(ppid, k -> new ArrayList<>()).add(pid));
        List<Long> result = new ArrayList<>(List.of(root));
        for (int i = 0; i < result.size(); i++) {
            result.addAll(children.getOrDefault(result.get(i), List.of()));
        }
        result.sort(Long::compare);
        return result;
    }

    /** The cgroup figures of the container, wherever its cgroup (v1 or v2) is mounted. */
    private CgroupFigures cgroupFigures() {
        String cgroups = readText(proc.resolve(initHostPid + "/cgroup")).orElseThrow(() ->
                new IllegalStateException("cannot read /proc/" + initHostPid + "/cgroup"));
        Optional<String> memory = controllerPath(cgroups, "memory");
        Optional<String> pids = controllerPath(cgroups, "pids");
        if (memory.isPresent() && pids.isPresent()) {
            Path m = cgroupRoot.resolve("memory" + memory.get());
            Path p = cgroupRoot.resolve("pids" + pids.get());
            return new CgroupFigures(number(m.resolve("memory.usage_in_bytes")), statLine(m, "total_rss", "memory.stat"),
                    number(p.resolve("pids.current")), number(p.resolve("pids.max")), statLine(p, "max", "pids.events"),
                    statLine(m, "oom_kill", "memory.oom_control"));
        }
        String unified = controllerPath(cgroups, "").orElseThrow(() ->
                new IllegalStateException("no memory/pids cgroup for host pid " + initHostPid + ":\n" + cgroups));
        Path dir = cgroupRoot.resolve(unified.substring(1));
        return new CgroupFigures(number(dir.resolve("memory.current")), statLine(dir, "anon", "memory.stat"),
                number(dir.resolve("pids.current")), number(dir.resolve("pids.max")), statLine(dir, "max", "pids.events"),
                statLine(dir, "oom_kill", "memory.events"));
    }

    /** The path of one controller in /proc/[pid]/cgroup ("N:memory:/docker/id"); "" names the v2 line ("0::/..."). */
    private static Optional<String> controllerPath(String cgroups, String controller) {
        return cgroups.lines().map(l -> l.split(":", 3)).filter(f -> f.length == 3)
                .filter(f -> controller.isEmpty() ? f[1].isEmpty() : List.of(f[1].split(",")).contains(controller))
                .map(f -> f[2]).findFirst();
    }

    /** The value of {@code key} in a "key value" per line file such as memory.stat; -1 if absent. */
    private long statLine(Path dir, String key, String file) {
        String stat = readText(dir.resolve(file)).orElse("");
        return stat.lines().map(l -> l.split(" ")).filter(f -> f.length == 2 && f[0].equals(key))
                .mapToLong(f -> Long.parseLong(f[1])).findFirst().orElse(-1);
    }

    private long number(Path file) {
        String text = readText(file).map(String::trim).orElse("");
        if (text.equals("max")) {
            return -1;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("cannot read a number from " + file + ": '" + text + "'", e);
        }
    }

    private static long hostPpid(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[1]);
    }

    private static Optional<Integer> lastField(String status, String key) {
        return status.lines().filter(l -> l.startsWith(key)).findFirst().map(l -> {
            String[] f = l.substring(key.length()).trim().split("\\s+");
            return Integer.parseInt(f[f.length - 1]);
        });
    }

    /** The first number after {@code key}, e.g. "RssAnon:	   51656 kB" gives 51656. */
    private static Optional<Integer> firstField(String status, String key) {
        return status.lines().filter(l -> l.startsWith(key)).findFirst()
                .map(l -> Integer.parseInt(l.substring(key.length()).trim().split("\\s+")[0]));
    }

    private static String chainMarker(byte[] environ) {
        for (String entry : new String(environ, StandardCharsets.UTF_8).split("\0")) {
            if (entry.startsWith("ZOMBIELAB_CHAIN=")) {
                return entry.substring("ZOMBIELAB_CHAIN=".length());
            }
        }
        return "";
    }

    private static Optional<String> readText(Path file) {
        return readBytes(file).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    /** Empty when the process vanished or the file cannot be read: processes come and go while we look. */
    private static Optional<byte[]> readBytes(Path file) {
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
