package io.zombielab.run;

import io.zombielab.fixture.Chain;
import io.zombielab.fixture.EventLog;
import io.zombielab.observe.EndedEarly;
import io.zombielab.observe.ScenarioObservation;
import io.zombielab.probe.Probe;
import io.zombielab.probe.Snapshot;
import io.zombielab.scenario.CellView;
import io.zombielab.scenario.Scenario;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One cell's stop/start cycles on its started container: start a chain and wait until it is up, stop it, wait
 * until it has settled, sample the container; until the last cycle, or one that cannot start, or an OOM kill.
 */
final class CellRun {

    private final Scenario scenario;
    private final Probe probe;
    private final SupervisorClient supervisor;
    private final CellView cell;
    private final Consumer<String> progress;
    private final CellState state;
    private final Waits waits;
    private final ZombieWatch zombies = new ZombieWatch();

    CellRun(Scenario scenario, Probe probe, SupervisorClient supervisor, CellView cell, Consumer<String> progress) {
        this.scenario = scenario;
        this.probe = probe;
        this.supervisor = supervisor;
        this.cell = cell;
        this.progress = progress;
        this.state = new CellState(probe.snapshot());
        this.waits = new Waits(scenario, probe, state.ledger());
    }

    ScenarioObservation observe(long startedNanos) {
        Optional<EndedEarly> ended = Optional.empty();
        for (int n = 1; n <= scenario.cycles() && ended.isEmpty(); n++) {
            ended = cycle(new Chain(n));
        }
        ended.filter(e -> !e.byOomKill()).ifPresent(e -> lookAgain());
        return state.observation(
                scenario, probe.mode(), ended, events().text(), Duration.ofNanos(System.nanoTime() - startedNanos));
    }

    /** One cycle: empty when it settled, else why the run ends here. */
    private Optional<EndedEarly> cycle(Chain chain) {
        Optional<EndedEarly> notStarted = start(chain);
        if (notStarted.isPresent()) {
            progress.accept(
                    scenario.id() + ": spawning failed at " + notStarted.get().reason());
            return notStarted;
        }
        state.up(chain, probe.snapshot());
        Optional<EndedEarly> ended = stop(chain).or(() -> settle(chain));
        ended.ifPresent(e -> progress.accept(scenario.id() + ": " + e.reason()));
        return ended;
    }

    private Optional<EndedEarly> start(Chain chain) {
        Snapshot before = probe.snapshot();
        try {
            supervisor.start();
        } catch (SupervisorClient.SupervisorException e) {
            return Optional.of(EndedEarly.notStarted(
                    "cycle " + chain.cycle() + ": the supervisor could not start the workload: " + e.getMessage()));
        }
        Optional<Snapshot> stuck = waits.until(
                "chain " + chain + " to be up", scenario.limits().upTimeout(), () -> startLook(chain, before));
        return stuck.map(seen -> StartFailure.explain(chain, before, freshLook(seen), events()));
    }

    /** Done when the chain is up (nothing seen), or when it cannot come up: what was seen then. */
    private Look<Optional<Snapshot>> startLook(Chain chain, Snapshot before) {
        Optional<String> awaiting = scenario.workload().awaitingUp(chain, cell);
        if (awaiting.isEmpty()) {
            return Look.done(Optional.empty());
        }
        if (events().npmExited(chain)) {
            return Look.done(Optional.of(before));
        }
        Snapshot seen = probe.snapshot();
        boolean cannot = seen.cgroup().refusedMoreForksThan(before.cgroup())
                || seen.cgroup().oomKilledSince(before.cgroup());
        return cannot ? Look.done(Optional.of(seen)) : Look.pending(Optional.of(seen), awaiting.get());
    }

    /**
     * A fresh look: the wait's last may predate what ended it (npm killed by the OOM killer, seen as its exit,
     * before the kill count was read). The wait's is kept only if none can be taken now.
     */
    private Snapshot freshLook(Snapshot lastSeen) {
        try {
            return probe.snapshot();
        } catch (RuntimeException e) {
            return lastSeen;
        }
    }

    /** Stops the chain; a stop refused because the OOM killer already took npm ends the run as that kill. */
    private Optional<EndedEarly> stop(Chain chain) {
        try {
            supervisor.stop();
            state.stopped(chain);
            return Optional.empty();
        } catch (SupervisorClient.SupervisorException e) {
            return Optional.of(OomKill.since(chain, state.first().cgroup(), state.last(), probe.snapshot())
                    .orElseThrow(() -> new SupervisorClient.SupervisorException(
                            "cycle " + chain.cycle() + ": " + e.getMessage(), e)));
        }
    }

    /** Waits until the stopped chain has settled and samples it; an OOM kill meanwhile ends the run. */
    private Optional<EndedEarly> settle(Chain chain) {
        Snapshot settled = waits.until(
                "cycle " + chain.cycle() + " to settle", scenario.limits().settleTimeout(), () -> settleLook(chain));
        Optional<EndedEarly> oom = OomKill.since(chain, state.first().cgroup(), state.last(), settled);
        if (oom.isEmpty()) {
            state.settled(chain, settled);
            progress.accept(scenario.id() + ": cycle " + chain.cycle() + " of " + scenario.cycles() + " settled");
        }
        return oom;
    }

    private Look<Snapshot> settleLook(Chain chain) {
        // The reap is looked for before the snapshot is taken: a reap seen only after it would leave npm's
        // zombie in the sample (a race that once counted one zombie too many).
        boolean reapedBefore = events().npmExited(chain);
        Snapshot seen = probe.snapshot();
        Optional<String> pending = scenario.workload().pendingSettle(chain, scenario.kill(), events(), seen);
        if (pending.isEmpty() && !reapedBefore) {
            return Look.pending(seen, "npm's reap was seen only after the snapshot; looking again");
        }
        return Look.of(seen, pending.or(() -> zombies.pending(seen)));
    }

    /** After a cycle that could not start has unwound (its npm exited), once more, if the container can be probed. */
    private void lookAgain() {
        try {
            state.lookedAgain(probe.snapshot());
        } catch (RuntimeException e) {
            progress.accept(scenario.id() + ": no probe after the spawn failure (" + e.getMessage()
                    + "); judging the last settled cycle");
        }
    }

    private EventLog events() {
        return cell.events();
    }
}
