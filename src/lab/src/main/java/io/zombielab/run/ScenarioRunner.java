package io.zombielab.run;

import static org.awaitility.Awaitility.await;

import io.zombielab.image.ImageCatalog;
import io.zombielab.observe.ChainLedger;
import io.zombielab.observe.Classifier;
import io.zombielab.observe.CycleSample;
import io.zombielab.probe.Probe;
import io.zombielab.probe.ProbeChoice;
import io.zombielab.probe.ProcessInfo;
import io.zombielab.probe.ProcessTable;
import io.zombielab.observe.ProcessTree;
import io.zombielab.observe.ScenarioObservation;
import io.zombielab.probe.Snapshot;
import io.zombielab.scenario.NextAppWorkload;
import io.zombielab.scenario.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.awaitility.core.ConditionTimeoutException;
import org.testcontainers.containers.GenericContainer;

/**
 * Runs one scenario: starts its container, drives the supervisor through the stop/start cycles, waits
 * after each stop until the cycle has settled, and samples the container. The container is removed
 * however the run ends.
 */
public final class ScenarioRunner {

    private static final Duration POLL = Duration.ofMillis(50);

    private final ImageCatalog images;
    private final String runId;
    private final ProbeChoice probeChoice;
    private final Consumer<String> progress;
    private final AppHealth health = new AppHealth();

    public ScenarioRunner(ImageCatalog images, String runId, ProbeChoice probeChoice, Consumer<String> progress) {
        this.images = images;
        this.runId = runId;
        this.probeChoice = probeChoice;
        this.progress = progress;
    }

    /** Runs the cell; its elapsed time runs from asking for its image to its container's removal. */
    public ScenarioObservation run(Scenario scenario) {
        long started = System.nanoTime();
        ScenarioObservation observed = observe(scenario, started);
        return observed.withElapsed(Duration.ofNanos(System.nanoTime() - started));
    }

    private ScenarioObservation observe(Scenario scenario, long started) {
        String image = images.forReaper(scenario.reaper());
        EventLog events = new EventLog();
        try (GenericContainer<?> container = ScenarioContainer.create(scenario, image, runId, events);
             Probe probe = startWithProbe(container, scenario)) {
            SupervisorClient supervisor = new SupervisorClient(container.getHost(),
                    container.getMappedPort(SupervisorClient.CONTROL_PORT));
            Readiness readiness = readiness(scenario, container, events);
            ChainLedger ledger = new ChainLedger();
            Set<String> stopped = new LinkedHashSet<>();
            List<CycleSample> samples = new ArrayList<>();
            Snapshot last = probe.snapshot();
            samples.add(new CycleSample(0, last.cgroup(), Classifier.classify(last, stopped, ledger)));
            Optional<String> spawnFailure = Optional.empty();
            // After an OOM kill the last settled table stands: the kernel, not the cell, chose what died next.
            boolean endedByOomKill = false;
            ProcessTree tree = ProcessTree.NONE;
            String upTable = "";
            long oomKillsBefore = last.cgroup().oomKills();
            ZombieWatch zombies = new ZombieWatch();

            for (int cycle = 1; cycle <= scenario.cycles(); cycle++) {
                String chain = "c" + cycle;
                Optional<StartFailure> failure = startChain(scenario, cycle, supervisor, events, probe, ledger, readiness);
                if (failure.isPresent()) {
                    spawnFailure = Optional.of(failure.get().message());
                    endedByOomKill = failure.get().oomKill();
                    progress.accept(scenario.id() + ": spawning failed at " + failure.get().message());
                    break;
                }
                Snapshot up = probe.snapshot();
                ledger.record(up);
                if (cycle == 1) {
                    tree = ProcessTree.of(up, chain);
                    upTable = ProcessTable.format(up, ledger::chainOf);
                }
                try {
                    supervisor.stop();
                } catch (SupervisorClient.SupervisorException e) {
                    // npm already gone when the stop came: if the OOM killer took it, the cycle ended there
                    // (a race between its kill and the chain's "ready"); any other reason is an error.
                    Optional<String> oom = oomKilled(cycle, oomKillsBefore, last, probe.snapshot());
                    if (oom.isEmpty()) {
                        throw new SupervisorClient.SupervisorException("cycle " + cycle + ": " + e.getMessage(), e);
                    }
                    spawnFailure = oom;
                    endedByOomKill = true;
                    progress.accept(scenario.id() + ": " + oom.get());
                    break;
                }
                stopped.add(chain);
                int settledCycle = cycle;
                AtomicReference<Snapshot> settled = new AtomicReference<>();
                awaitOrExplain(scenario, "cycle " + cycle + " to settle", scenario.limits().settleTimeout(), probe, ledger, () -> {
                    // The reap is looked for before the snapshot is taken: a reap seen only after it would
                    // leave npm's zombie in the sample (a race that once counted one zombie too many).
                    boolean reapedBefore = events.any(e -> e.is("exited", "cycle", Integer.toString(settledCycle)));
                    Snapshot s = probe.snapshot();
                    settled.set(s);
                    Optional<String> pending = ChainSettle.pending(settledCycle, scenario.kill(), scenario.workload(), events, s);
                    if (pending.isEmpty() && !reapedBefore) {
                        return Optional.of("npm's reap was seen only after the snapshot; looking again");
                    }
                    return pending.isPresent() ? pending : zombies.pending(s);
                });
                Optional<String> oom = oomKilled(cycle, oomKillsBefore, last, settled.get());
                if (oom.isPresent()) {
                    // The kernel chose what to kill, perhaps an orphan: the cycle is not a clean sample.
                    spawnFailure = oom;
                    endedByOomKill = true;
                    progress.accept(scenario.id() + ": " + oom.get());
                    break;
                }
                last = settled.get();
                ledger.record(last);
                samples.add(new CycleSample(cycle, last.cgroup(), Classifier.classify(last, stopped, ledger)));
                progress.accept(scenario.id() + ": cycle " + cycle + " of " + scenario.cycles() + " settled");
            }
            if (spawnFailure.isPresent() && !endedByOomKill) {
                // The failed cycle has unwound (its npm exited); look once more, if the container still can be probed.
                try {
                    last = probe.snapshot();
                } catch (RuntimeException e) {
                    progress.accept(scenario.id() + ": no probe after the spawn failure (" + e.getMessage()
                            + "); judging the last settled cycle");
                }
            }
            return new ScenarioObservation(scenario, probe.mode(), samples, last, Classifier.classify(last, stopped, ledger),
                    ProcessTable.format(last, ledger::chainOf), tree, upTable, spawnFailure, events.text(),
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** Starts the cell's container, checks it is safe to run, and attaches the probe that observes it. */
    private Probe startWithProbe(GenericContainer<?> container, Scenario scenario) {
        container.start();
        ContainerSafety.require(container.getContainerInfo(), ContainerSafety.Kind.SCENARIO, "scenario " + scenario);
        return ContainerProbes.attach(container, probeChoice, runId, scenario.id());
    }

    /**
     * Starts cycle {@code cycle}'s chain and waits until it is up. Empty when it is; otherwise why it could
     * not start: the supervisor refused (fork failed), npm exited before the chain was up, or the pids
     * limit refused a fork or thread (a process that cannot make its threads may hang rather than fail).
     */
    /** Why a cycle could not start; {@code oomKill} when the kernel's OOM killer struck meanwhile. */
    private record StartFailure(String message, boolean oomKill) {
        static Optional<StartFailure> of(String message) {
            return Optional.of(new StartFailure(message, false));
        }
    }

    private Optional<StartFailure> startChain(Scenario scenario, int cycle, SupervisorClient supervisor, EventLog events,
                                              Probe probe, ChainLedger ledger, Readiness readiness) {
        String chain = "c" + cycle;
        String number = Integer.toString(cycle);
        Snapshot before = probe.snapshot();
        long refusedBefore = before.cgroup().forksRefused();
        long oomBefore = before.cgroup().oomKills();
        try {
            supervisor.start();
        } catch (SupervisorClient.SupervisorException e) {
            return StartFailure.of("cycle " + cycle + ": the supervisor could not start the workload: " + e.getMessage());
        }
        AtomicReference<Snapshot> seen = new AtomicReference<>();
        AtomicReference<Boolean> up = new AtomicReference<>(false);
        awaitOrExplain(scenario, "chain " + chain + " to be up", scenario.limits().upTimeout(), probe, ledger, () -> {
            if (readiness.isUp(cycle)) {
                up.set(true);
                return Optional.empty();
            }
            if (events.any(e -> e.is("exited", "cycle", number))) {
                return Optional.empty();
            }
            seen.set(probe.snapshot());
            return seen.get().cgroup().forksRefused() > refusedBefore || seen.get().cgroup().oomKills() > oomBefore
                    ? Optional.empty() : Optional.of(readiness.describe(cycle));
        });
        if (up.get()) {
            return Optional.empty();
        }
        // A fresh look: the last snapshot of the wait may predate what ended it (npm killed by the OOM
        // killer, seen as its "exited" event, before the kill count was read). Kept only if none can be taken.
        Snapshot after;
        try {
            after = probe.snapshot();
        } catch (RuntimeException e) {
            if (seen.get() == null) {
                throw e;
            }
            after = seen.get();
        }
        if (after.cgroup().oomKills() > oomBefore) {
            return oomKilled(cycle, oomBefore, before, after).map(message -> new StartFailure(message, true));
        }
        String causes = events.all(e -> e.is("spawn-failed", "chain", chain)).stream()
                .map(e -> "level " + e.field("level") + " could not spawn: " + e.field("error"))
                .reduce((a, b) -> a + "; " + b).orElse("");
        if (events.any(e -> e.is("exited", "cycle", number))) {
            String exit = events.all(e -> e.is("exited", "cycle", number)).get(0).field("status");
            return StartFailure.of("cycle " + cycle + ": npm exited (" + exit + ") before the chain was up"
                    + (causes.isEmpty() ? "" : "; " + causes));
        }
        var cgroup = after.cgroup();
        return StartFailure.of("cycle " + cycle + ": the pids limit refused " + (cgroup.forksRefused() - refusedBefore)
                + " fork(s) while the chain was starting (pids " + cgroup.pidsCurrent() + " of " + cgroup.pidsMax() + ")"
                + (causes.isEmpty() ? "" : "; " + causes));
    }

    /** How the harness knows a cycle's workload is up. */
    private interface Readiness {
        boolean isUp(int cycle);

        String describe(int cycle);
    }

    /** The chain announces it (its deepest level's "ready" event); the app answers on its cycle's mapped port. */
    private Readiness readiness(Scenario scenario, GenericContainer<?> container, EventLog events) {
        if (scenario.workload() instanceof NextAppWorkload app) {
            return new Readiness() {
                @Override
                public boolean isUp(int cycle) {
                    return health.answers(container.getHost(), container.getMappedPort(app.port(cycle)), "c" + cycle);
                }

                @Override
                public String describe(int cycle) {
                    return "next-server of c" + cycle + " does not answer GET /api/health on port " + app.port(cycle)
                            + " (localhost:" + container.getMappedPort(app.port(cycle)) + ")";
                }
            };
        }
        return new Readiness() {
            @Override
            public boolean isUp(int cycle) {
                return events.any(e -> e.is("ready", "chain", "c" + cycle));
            }

            @Override
            public String describe(int cycle) {
                return "the deepest level of c" + cycle + " has not announced 'ready'";
            }
        };
    }

    /**
     * An OOM kill since {@code killsBefore}, with the memory figures and which processes of {@code earlier} are
     * gone (the new cycle's own are not in it); empty if there was none.
     */
    private static Optional<String> oomKilled(int cycle, long killsBefore, Snapshot earlier, Snapshot now) {
        var cgroup = now.cgroup();
        if (killsBefore < 0 || cgroup.oomKills() <= killsBefore) {
            return Optional.empty();
        }
        Set<ProcessInfo.ProcessKey> present = new java.util.HashSet<>();
        now.processes().forEach(p -> present.add(p.key()));
        List<String> gone = earlier.processes().stream().filter(ProcessInfo::isAlive).filter(p -> !present.contains(p.key()))
                .map(p -> "pid " + p.pid() + " " + p.displayCommand() + (p.chain().isEmpty() ? "" : " of " + p.chain())).toList();
        return Optional.of(String.format("cycle %d: the kernel's OOM killer killed %d process(es) in the container "
                        + "(anonymous memory %d MiB, %d MiB in use with the page cache); %s", cycle, cgroup.oomKills() - killsBefore,
                cgroup.memoryRssBytes() >> 20, cgroup.memoryUsageBytes() >> 20,
                gone.isEmpty() ? "every process of the earlier cycles is still there: it killed the new cycle's"
                        : "gone since the cycle began: " + String.join(", ", gone)));
    }

    /** Awaits a condition; on timeout, fails with the cell, what was pending, and the process table. */
    private static void awaitOrExplain(Scenario scenario, String what, Duration atMost, Probe probe, ChainLedger ledger,
                                       Supplier<Optional<String>> pending) {
        AtomicReference<String> lastPending = new AtomicReference<>("");
        try {
            await(scenario.id() + ": " + what).atMost(atMost).pollDelay(Duration.ZERO).pollInterval(POLL)
                    .until(() -> {
                        Optional<String> p = pending.get();
                        p.ifPresent(lastPending::set);
                        return p.isEmpty();
                    });
        } catch (ConditionTimeoutException e) {
            String table;
            try {
                table = ProcessTable.format(probe.snapshot(), ledger::chainOf);
            } catch (RuntimeException probeFailure) {
                table = "(no process table: " + probeFailure.getMessage() + ")";
            }
            throw new ScenarioTimeoutException("scenario " + scenario + ": waited " + (atMost.toMillis() % 1000 == 0 ? atMost.toSeconds() + " s" : atMost.toMillis() + " ms")
                    + " for "
                    + what + "; still pending: " + lastPending.get() + "\n" + table, e);
        }
    }
}
