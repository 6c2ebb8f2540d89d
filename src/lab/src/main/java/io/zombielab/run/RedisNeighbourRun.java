package io.zombielab.run;

import io.zombielab.observe.FamilyObservation.RunSample;
import io.zombielab.probe.CgroupFigures;
import io.zombielab.probe.Probe;
import io.zombielab.probe.ProcessInfo;
import io.zombielab.probe.ProcessTable;
import io.zombielab.probe.Snapshot;
import io.zombielab.scenario.FamilyCell;
import io.zombielab.scenario.Measure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.testcontainers.containers.GenericContainer;

/**
 * The redis-neighbour door (issue 19, family 0): the story's supervisor, subscribed to a Redis in its container,
 * starts and stops the chain (npm, sh, two node levels) until the first error or OOM kill, or the cell's cycles.
 * It records what the story's reader saw first (the first error line in the supervisor's log: Redis's, or one about
 * its own children), which processes the OOM killer took and at what memory, and the cause: the orphans left by
 * the stops and the memory after each cycle. Nothing of the order is assumed: it is read off the log and the probe.
 */
final class RedisNeighbourRun {

    /** How long a cycle's chain may take to come up; near the limit the kernel reclaims node's pages and it is slow. */
    private static final Duration CHAIN_UP = Duration.ofSeconds(40);
    /** How long a stopped cycle may take to settle (its npm reaped, under a group kill every level gone). */
    private static final Duration SETTLE = Duration.ofSeconds(15);
    /** After the first incident: how long the other side (the subscriber's error, the kernel's kill) may take. */
    private static final Duration AFTERMATH = Duration.ofSeconds(10);

    private static final Duration POLL = Duration.ofMillis(20);

    /** What the door measured, sampled and saw, in the report's words. */
    record Result(Map<Measure, Double> measured, List<RunSample> samples, String table, List<String> events) {}

    /** The OOM killer's first strike as the probe saw it: when, and the look just before it (whom it could take). */
    private record OomStrike(double seconds, Snapshot before) {}

    private final FamilyCell cell;
    private final GenericContainer<?> container;
    private final Probe probe;
    private final Consumer<String> progress;
    private final HttpClient http = HttpClient.newHttpClient();
    /** Cycles the harness had asked to stop by the time it read their npm's exit: an exit of any other is an error. */
    private final Set<Integer> stopping = new HashSet<>();

    private final Map<Integer, Boolean> exitExpected = new HashMap<>();
    /** npm's pid per cycle: its end at a stop is the supervisor's doing, never the OOM killer's victim. */
    private final Set<Integer> stoppedNpm = new HashSet<>();

    private final List<Long> memoryPerCycle = new ArrayList<>();
    private final List<RunSample> samples = new ArrayList<>();
    private final long t0 = System.nanoTime();
    private final long startedAtMs = System.currentTimeMillis();
    private CgroupFigures baseline;
    private Snapshot last;
    private long peakMemory;
    private OomStrike oom;
    private String log = "";

    RedisNeighbourRun(FamilyCell cell, GenericContainer<?> container, Probe probe, Consumer<String> progress) {
        this.cell = cell;
        this.container = container;
        this.probe = probe;
        this.progress = progress;
    }

    Result run() {
        last = probe.snapshot();
        baseline = last.cgroup();
        int redisPid = redis(last)
                .map(ProcessInfo::pid)
                .orElseThrow(() -> new IllegalStateException("family cell " + cell
                        + ": no redis-server is running before the first cycle\n" + ProcessTable.format(last)));
        int cycles = 0;
        for (int cycle = 1; cycle <= cell.runs() && !incident(); cycle++) {
            cycles = cycle;
            int n = cycle;
            Optional<String> started = post("/start");
            if (started.isEmpty()) {
                look(); // a start the supervisor refused is in its log (spawn-failed): an error about its children
                break;
            }
            Matcher pid = Pattern.compile("pid=(\\d+)").matcher(started.get());
            int npm = pid.find() ? Integer.parseInt(pid.group(1)) : -1;
            if (!await(CHAIN_UP, () -> incident() || log.contains("zombielab-event ready chain=c" + n + " level=2"))) {
                throw new IllegalStateException(
                        "family cell " + cell + ": cycle " + n + "'s chain did not come up within "
                                + CHAIN_UP.toSeconds() + " s, and no error was logged\n" + ProcessTable.format(last));
            }
            if (incident()) {
                break;
            }
            stopping.add(n);
            stoppedNpm.add(npm);
            post("/stop");
            boolean settled = await(
                    SETTLE,
                    () -> incident()
                            || log.contains("zombielab-event exited cycle=" + n + " ")
                                    && (!cell.variant().killsGroup()
                                            || last.ofChain("c" + n).stream().noneMatch(ProcessInfo::isAlive)));
            if (!settled) {
                throw new IllegalStateException("family cell " + cell + ": cycle " + n + " did not settle within "
                        + SETTLE.toSeconds() + " s of its stop\n" + ProcessTable.format(last));
            }
            memoryPerCycle.add(mib(last.cgroup().memoryBytes().orElse(0)));
            samples.add(new RunSample(n, (int) last.zombieCount(), last.cgroup().pids()));
            progress.accept(cell.id() + ": cycle " + n + " of " + cell.runs() + ", "
                    + orphans(last).size() + " orphans alive, " + memoryPerCycle.get(memoryPerCycle.size() - 1)
                    + " MiB");
        }
        if (incident()) {
            // The other side of the first incident: the victim's end reaches the probe, Redis's the subscriber.
            await(AFTERMATH, () -> {
                look();
                return (oom == null || !victims(last).isEmpty())
                        && (redis(last).isPresent() || errors().stream().anyMatch(SupervisorLog.ErrorLine::redis));
            });
        }
        look();
        return result(cycles, redisPid);
    }

    private Result result(int cycles, int redisPid) {
        List<SupervisorLog.ErrorLine> errors = errors();
        Optional<SupervisorLog.ErrorLine> first = errors.stream().findFirst();
        long oomKills = last.cgroup().oomKills().orElse(0) - baseline.oomKills().orElse(0);
        Map<Measure, Double> measured = new EnumMap<>(Measure.class);
        measured.put(Measure.OOM_KILLS, (double) oomKills);
        measured.put(Measure.REDIS_KILLED, redis(last).isPresent() ? 0.0 : 1.0);
        measured.put(Measure.REDIS_ERRORS, (double)
                errors.stream().filter(SupervisorLog.ErrorLine::redis).count());
        measured.put(
                Measure.REDIS_ERROR_FIRST, first.map(e -> e.redis() ? 1.0 : 0.0).orElse(0.0));
        measured.put(Measure.LIVE_ORPHANS, (double) orphans(last).size());
        measured.put(Measure.MEMORY_MIB, (double) mib(peakMemory));

        List<String> events = new ArrayList<>();
        String kill = cell.variant().killsGroup() ? "SIGTERM to the process group" : "SIGKILL to npm's PID";
        if (first.isEmpty()) {
            events.add(String.format(
                    Locale.ROOT,
                    "no error in the supervisor's log in %d cycles (%s); the OOM killer struck %d time(s); "
                            + "the most memory %d MiB of %d",
                    cycles,
                    kill,
                    oomKills,
                    mib(peakMemory),
                    mib(cell.door().memoryBytes())));
        } else {
            SupervisorLog.ErrorLine e = first.get();
            events.add("first error seen, " + (e.redis() ? "Redis's" : "about the supervisor's own children") + ": "
                    + e.text() + (e.redis() ? "; before it, nothing in the log about the supervisor's children" : ""));
            errors.stream().skip(1).limit(3).forEach(x -> events.add("then: " + x.text()));
        }
        if (oom != null) {
            List<String> victims = victims(last);
            events.add(String.format(
                    Locale.ROOT,
                    "the OOM killer, first seen at %.1f s with %d MiB in use (limit %d); "
                            + "gone since the look before it (the kernel takes the largest): %s",
                    oom.seconds(),
                    mib(oom.before().cgroup().memoryBytes().orElse(0)),
                    mib(cell.door().memoryBytes()),
                    victims.isEmpty()
                            ? "a process the probe had not seen (one started since its last look)"
                            : String.join(", ", victims)));
        }
        List<ProcessInfo> orphans = orphans(last);
        String names = orphans.stream()
                        .map(ProcessInfo::comm)
                        .distinct()
                        .sorted()
                        .limit(6)
                        .collect(Collectors.joining(", "))
                + (orphans.size() > 6 ? ", ..." : "");
        events.add(String.format(
                Locale.ROOT,
                "%s: %d stop(s) (%s) left %d orphan(s) alive%s, holding %d MiB of their own; "
                        + "memory after each cycle: %s MiB%s",
                first.isPresent() || oom != null ? "its cause" : "the cycles",
                stopping.size(),
                kill,
                orphans.size(),
                orphans.isEmpty() ? "" : " (" + names + ")",
                orphans.stream().mapToLong(RedisNeighbourRun::ownKiB).sum() >> 10,
                memoryPerCycle.stream().map(String::valueOf).collect(Collectors.joining(", ")),
                cycles > stopping.size() ? "; cycle " + cycles + " was running" : ""));
        String errorLines = errors.isEmpty()
                ? "(none)"
                : errors.stream().map(SupervisorLog.ErrorLine::text).collect(Collectors.joining("\n  "));
        String table = "redis-server was pid " + redisPid + "; the supervisor's error lines, in order:\n  " + errorLines
                + "\n" + ProcessTable.format(last);
        return new Result(measured, samples, table, events);
    }

    /** A fresh look: the probe's snapshot (the OOM killer's strike and victims) and the supervisor's log. */
    private void look() {
        Snapshot before = last;
        last = probe.snapshot();
        peakMemory = Math.max(
                peakMemory,
                last.cgroup().anonBytes().orElse(last.cgroup().memoryBytes().orElse(0)));
        if (oom == null && last.cgroup().oomKilledSince(baseline)) {
            oom = new OomStrike(seconds(), before);
        }
        log = container.getLogs();
        // An npm exit is an error unless the harness had asked for that cycle's stop before it read the exit.
        SupervisorLog.exitedCycles(log).forEach(c -> exitExpected.putIfAbsent(c, stopping.contains(c)));
    }

    /** Whether the first error or OOM kill has come (looking afresh). */
    private boolean incident() {
        look();
        return oom != null || !errors().isEmpty();
    }

    private List<SupervisorLog.ErrorLine> errors() {
        return SupervisorLog.errors(log, exitExpected, startedAtMs);
    }

    /** The processes alive just before the OOM kill that are gone now; npm at its stop is the supervisor's doing. */
    private List<String> victims(Snapshot now) {
        Set<ProcessInfo.ProcessKey> alive = now.processes().stream()
                .filter(RedisNeighbourRun::holdsMemory)
                .map(ProcessInfo::key)
                .collect(Collectors.toSet());
        List<ProcessInfo> before = oom.before().processes().stream()
                .filter(RedisNeighbourRun::holdsMemory)
                .toList();
        long largest = before.stream().mapToLong(ProcessInfo::rssKiB).max().orElse(0);
        return before.stream()
                .filter(p -> !alive.contains(p.key()) && !stoppedNpm.contains(p.pid()))
                .sorted(Comparator.comparingLong(ProcessInfo::rssKiB).reversed())
                .map(p -> String.format(
                        Locale.ROOT,
                        "pid %d %s (%d MiB resident%s)",
                        p.pid(),
                        p.comm(),
                        p.rssKiB() >> 10,
                        p.rssKiB() == largest ? ", the largest process" : ""))
                .toList();
    }

    /**
     * Alive and holding memory: a process the OOM killer took is still listed, running, while it exits, but its
     * memory is gone already (resident 0); a live process always has resident pages.
     */
    private static boolean holdsMemory(ProcessInfo p) {
        return p.isAlive() && p.rssKiB() > 0;
    }

    /** What a process holds of its own (anonymous), where the probe read it; else its resident set. */
    private static long ownKiB(ProcessInfo p) {
        return p.rssAnonKiB().orElse(p.rssKiB());
    }

    private static Optional<ProcessInfo> redis(Snapshot s) {
        return s.processes().stream()
                .filter(p -> holdsMemory(p) && p.comm().startsWith("redis-server"))
                .findFirst();
    }

    /** Live processes of the chains the harness has stopped. */
    private List<ProcessInfo> orphans(Snapshot s) {
        return s.processes().stream()
                .filter(RedisNeighbourRun::holdsMemory)
                .filter(p -> p.chain().startsWith("c")
                        && stopping.contains(Integer.parseInt(p.chain().substring(1))))
                .toList();
    }

    private Optional<String> post(String path) {
        URI uri = URI.create("http://" + container.getHost() + ":" + container.getMappedPort(7070) + path);
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(20))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? Optional.of(r.body().trim()) : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + uri, e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("family cell " + cell + ": " + uri + " did not answer", e);
        }
    }

    private double seconds() {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static long mib(long bytes) {
        return bytes >> 20;
    }

    private static boolean await(Duration atMost, BooleanSupplier condition) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        return true;
    }
}
