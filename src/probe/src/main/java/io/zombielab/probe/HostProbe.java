package io.zombielab.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads a container's process table and cgroup figures from the host's /proc and /sys/fs/cgroup: the
 * fastest probe, where the host shows the container (a local engine) and lets this user read its
 * processes' environments (root, or the containers' own user). It starts nothing inside or beside the
 * container, so it also works when the container has no PID left to fork.
 *
 * <p>The container's processes are the descendants of its init's host pid: zombies have already left the
 * cgroup's process list and lost their namespace links, but keep their parent. Pids are translated to
 * the container's namespace with the NSpid and NSpgid lines of /proc/[pid]/status.
 *
 * <p>A container that joined another's PID namespace (a Kubernetes pod's, {@code shareProcessNamespace}:
 * its PID 1 is the pod's pause) is not PID 1 there: its orphans are re-parented to that PID 1, outside its
 * init's descendants. Then the namespace's PID 1 and its descendants are the container's processes too,
 * as the universal probe, which lists the whole namespace, shows them.
 */
public final class HostProbe implements Probe {

    private final Path proc;
    private final Path cgroupRoot;
    private final long initHostPid;
    /** Host pid of PID 1 of the init's namespace: the init itself, unless the container joined another's namespace. */
    private final long namespaceInitHostPid;

    /** A probe of the container whose init has host pid {@code initHostPid}; it must show that init's namespace's PID 1. */
    public HostProbe(Path proc, Path cgroupRoot, long initHostPid) {
        this(
                proc,
                cgroupRoot,
                initHostPid,
                namespaceInit(proc, initHostPid)
                        .orElseThrow(() -> new IllegalStateException("host pid " + initHostPid
                                + " is not PID 1 of its PID namespace, and " + proc + " shows no process that is: "
                                + "the processes that PID 1 adopts cannot be seen here")));
    }

    private HostProbe(Path proc, Path cgroupRoot, long initHostPid, long namespaceInitHostPid) {
        this.proc = proc;
        this.cgroupRoot = cgroupRoot;
        this.initHostPid = initHostPid;
        this.namespaceInitHostPid = namespaceInitHostPid;
    }

    /**
     * A probe for the container {@code containerId} whose init has host pid {@code initHostPid}, if this
     * host shows it: that pid's cgroup names the container (on a remote engine the same pid is some other
     * process of this host, or none), its environment is readable (the chains' markers are there), and so is
     * PID 1 of its namespace, where that is another process (a pod's pause).
     */
    public static Optional<HostProbe> forLocalContainer(String containerId, long initHostPid) {
        return forLocalContainer(Path.of("/proc"), Path.of("/sys/fs/cgroup"), containerId, initHostPid);
    }

    static Optional<HostProbe> forLocalContainer(Path proc, Path cgroupRoot, String containerId, long initHostPid) {
        if (initHostPid <= 0 || containerId == null || containerId.isEmpty()) {
            return Optional.empty();
        }
        Path dir = proc.resolve(Long.toString(initHostPid));
        boolean ours = readText(dir.resolve("cgroup"))
                .map(c -> c.contains(containerId))
                .orElse(false);
        if (!ours || readBytes(dir.resolve("environ")).isEmpty()) {
            return Optional.empty();
        }
        return namespaceInit(proc, initHostPid).map(nsInit -> new HostProbe(proc, cgroupRoot, initHostPid, nsInit));
    }

    /**
     * The host pid of PID 1 of {@code hostPid}'s PID namespace: {@code hostPid} itself when it is PID 1 there
     * (the last number of its NSpid line), or shares this /proc's namespace, or is gone (the snapshot says so);
     * else the process of the same namespace (its ns/pid link) whose NSpid ends in 1. Empty when none is seen.
     */
    static Optional<Long> namespaceInit(Path proc, long hostPid) {
        Optional<String> nsPid = readText(proc.resolve(hostPid + "/status"))
                .flatMap(s -> s.lines().filter(l -> l.startsWith("NSpid:")).findFirst());
        if (nsPid.isEmpty()) {
            return Optional.of(hostPid);
        }
        String[] f = nsPid.get().substring("NSpid:".length()).trim().split("\\s+");
        if (f.length == 1 || f[f.length - 1].equals("1")) {
            return Optional.of(hostPid);
        }
        Optional<Path> namespace = link(proc.resolve(hostPid + "/ns/pid"));
        if (namespace.isEmpty()) {
            return Optional.empty();
        }
        try (Stream<Path> entries = Files.list(proc)) {
            return entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> link(p.resolve("ns/pid")).equals(namespace))
                    .filter(p -> Status.parse(readText(p.resolve("status")).orElse(""))
                                    .nsPid()
                            == 1)
                    .map(p -> Long.parseLong(p.getFileName().toString()))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A symbolic link's text ("pid:[4026532513]"), empty when it cannot be read. */
    private static Optional<Path> link(Path path) {
        try {
            return Optional.of(Files.readSymbolicLink(path));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    @Override
    public ProbeMode mode() {
        return ProbeMode.HOST;
    }

    @Override
    public Snapshot snapshot() {
        Instant at = Instant.now();
        Map<Long, StatLine> stats = new HashMap<>();
        try (Stream<Path> entries = Files.list(proc)) {
            entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .forEach(dir -> readText(dir.resolve("stat"))
                            .ifPresent(stat -> stats.put(
                                    Long.parseLong(dir.getFileName().toString()), StatLine.parse(stat.trim()))));
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + proc + ": " + e.getMessage(), e);
        }
        if (!stats.containsKey(initHostPid)) {
            throw new IllegalStateException("the container's init (host pid " + initHostPid + ") is gone");
        }
        List<ProcessInfo> processes = new ArrayList<>();
        List<Long> roots =
                namespaceInitHostPid == initHostPid ? List.of(initHostPid) : List.of(namespaceInitHostPid, initHostPid);
        if (!stats.containsKey(namespaceInitHostPid)) {
            throw new IllegalStateException("PID 1 of the container's PID namespace (host pid " + namespaceInitHostPid
                    + ", the pod's pause) is gone");
        }
        List<Long> members = descendantsOf(roots, stats);
        Map<Long, Status> status = new HashMap<>();
        members.forEach(pid ->
                readText(proc.resolve(pid + "/status")).map(Status::parse).ifPresent(s -> status.put(pid, s)));
        for (long pid : members) {
            Status s = status.get(pid);
            if (s == null || s.nsPid() < 0) {
                continue; // gone while we looked
            }
            StatLine host = stats.get(pid);
            String chain = readBytes(proc.resolve(pid + "/environ"))
                    .map(HostProbe::chainMarker)
                    .orElse("");
            String cmdline = readBytes(proc.resolve(pid + "/cmdline"))
                    .map(b -> new String(b, StandardCharsets.UTF_8)
                            .replace('\0', ' ')
                            .trim())
                    .orElse("");
            Status parent = status.get((long) host.ppid());
            processes.add(new ProcessInfo(
                    s.nsPid(),
                    host.comm(),
                    host.state(),
                    roots.contains(pid) || parent == null ? 0 : parent.nsPid(),
                    Math.max(s.nsPgid(), 0),
                    host.startTime(),
                    host.rssPages() * 4,
                    chain,
                    cmdline,
                    ProcessInfo.rssAnonOf(host.state(), s.rssAnonKiB())));
        }
        processes.sort(java.util.Comparator.comparingInt(ProcessInfo::pid));
        return new Snapshot(at, processes, cgroupFiles().figures());
    }

    /** What the host's /proc/[pid]/status says of a process, in the container's namespace. */
    private record Status(int nsPid, int nsPgid, OptionalLong rssAnonKiB) {
        static Status parse(String status) {
            return new Status(
                    lastNumber(status, "NSpid:"), lastNumber(status, "NSpgid:"), firstNumber(status, "RssAnon:"));
        }

        /** The last number of a line such as "NSpid:	8090	1": the innermost namespace's. */
        private static int lastNumber(String status, String key) {
            return status.lines()
                    .filter(l -> l.startsWith(key))
                    .findFirst()
                    .map(l -> {
                        String[] f = l.substring(key.length()).trim().split("\\s+");
                        return Integer.parseInt(f[f.length - 1]);
                    })
                    .orElse(-1);
        }

        /** The first number of a line such as "RssAnon:	   51656 kB"; empty without the line (a kernel thread). */
        private static OptionalLong firstNumber(String status, String key) {
            return status.lines()
                    .filter(l -> l.startsWith(key))
                    .findFirst()
                    .map(l -> OptionalLong.of(
                            Long.parseLong(l.substring(key.length()).trim().split("\\s+")[0])))
                    .orElse(OptionalLong.empty());
        }
    }

    private static List<Long> descendantsOf(List<Long> roots, Map<Long, StatLine> stats) {
        Map<Long, List<Long>> children = new HashMap<>();
        stats.forEach((pid, stat) -> children.computeIfAbsent((long) stat.ppid(), k -> new ArrayList<>())
                .add(pid));
        List<Long> result = new ArrayList<>(roots);
        Set<Long> seen = new HashSet<>(roots);
        for (int i = 0; i < result.size(); i++) {
            children.getOrDefault(result.get(i), List.of()).stream()
                    .filter(seen::add)
                    .forEach(result::add);
        }
        return result;
    }

    /**
     * The container's cgroup files on this host, wherever its cgroup is: one directory per controller on
     * v1 ("N:memory:/docker/id" lines of /proc/[pid]/cgroup), one on v2 ("0::/system.slice/docker-id.scope"
     * under systemd's driver, "0::/docker/id" under cgroupfs).
     */
    private CgroupFiles cgroupFiles() {
        String cgroups = readText(proc.resolve(initHostPid + "/cgroup"))
                .orElseThrow(() -> new IllegalStateException("cannot read /proc/" + initHostPid + "/cgroup"));
        Optional<String> memory = controllerPath(cgroups, "memory");
        Optional<String> pids = controllerPath(cgroups, "pids");
        if (memory.isPresent() && pids.isPresent()) {
            return name -> {
                int slash = name.indexOf('/');
                String controller = slash < 0 ? "" : name.substring(0, slash);
                Optional<String> path =
                        controller.equals("memory") ? memory : controller.equals("pids") ? pids : Optional.empty();
                return path.flatMap(
                        p -> readText(cgroupRoot.resolve(controller + p).resolve(name.substring(slash + 1))));
            };
        }
        String unified = controllerPath(cgroups, "")
                .orElseThrow(() -> new IllegalStateException(
                        "no memory/pids cgroup for host pid " + initHostPid + ":\n" + cgroups));
        Path dir = cgroupRoot.resolve(unified.substring(1));
        return name -> name.contains("/") ? Optional.empty() : readText(dir.resolve(name));
    }

    /** The path of one controller in /proc/[pid]/cgroup ("N:memory:/docker/id"); "" names the v2 line ("0::/..."). */
    private static Optional<String> controllerPath(String cgroups, String controller) {
        return cgroups.lines()
                .map(l -> l.split(":", 3))
                .filter(f -> f.length == 3)
                .filter(f -> controller.isEmpty()
                        ? f[1].isEmpty()
                        : List.of(f[1].split(",")).contains(controller))
                .map(f -> f[2])
                .findFirst();
    }

    private static String chainMarker(byte[] environ) {
        for (String entry : new String(environ, StandardCharsets.UTF_8).split("\0")) {
            if (entry.startsWith(ProcessInfo.CHAIN_VARIABLE + "=")) {
                return entry.substring(ProcessInfo.CHAIN_VARIABLE.length() + 1);
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
