package io.zombielab.scenario;

import io.zombielab.fixture.Chain;
import io.zombielab.fixture.Event;
import io.zombielab.fixture.EventLog;
import io.zombielab.probe.ProcessInfo;
import io.zombielab.probe.Snapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The synthetic workload of fixtures/chain: {@code npm run start} runs {@code sh -c "node level.js"},
 * which starts {@code nodeLevels} node processes, each the parent of the next and each holding
 * {@code ballastMiB} of resident memory.
 *
 * @param nodeLevels  how many node processes hang below npm's shell (at least 1)
 * @param ballastMiB  resident memory each node level holds
 * @param termLinger  how long a level that got SIGTERM waits for its parent to die before exiting anyway
 */
public record ChainWorkload(int nodeLevels, int ballastMiB, Duration termLinger) implements Workload {

    public static final ChainWorkload DEFAULT = new ChainWorkload(2, 32, Duration.ofSeconds(3));

    public ChainWorkload {
        if (nodeLevels < 1) {
            throw new IllegalArgumentException("a chain needs at least 1 node level, got " + nodeLevels);
        }
        if (ballastMiB < 0) {
            throw new IllegalArgumentException("ballast must not be negative, got " + ballastMiB + " MiB");
        }
    }

    /** npm, its shell, and the node levels: the processes of one chain (the design notes' L). */
    public int processesPerChain() {
        return 2 + nodeLevels;
    }

    /** Everything below npm: what a SIGKILL to npm alone leaves alive (re-parented to PID 1). */
    public int processesBelowNpm() {
        return processesPerChain() - 1;
    }

    /** A leaking cycle leaves every node level alive, each holding its ballast: growth of at least 90% of that. */
    private static final double LEAK_FLOOR = 0.9;

    @Override
    public String id() {
        return "chain";
    }

    @Override
    public String idSuffix() {
        return "";
    }

    /** It listens on nothing: the harness waits for its events. */
    @Override
    public List<Integer> ports(int cycles) {
        return List.of();
    }

    @Override
    public OptionalInt serverPortBase() {
        return OptionalInt.empty();
    }

    /** Its deepest level announces "ready" once every level above it holds its ballast. */
    @Override
    public Optional<String> awaitingUp(Chain chain, CellView cell) {
        return cell.events().any(Event.ChainReady.class, e -> e.chain().equals(chain))
                ? Optional.empty()
                : Optional.of("the deepest level of " + chain + " has not announced 'ready'");
    }

    /** Each node level announces its exit (after its parent's death); each must have, and be gone or a zombie. */
    @Override
    public List<String> stillRunning(Chain chain, EventLog events, Snapshot snapshot) {
        List<String> pending = new ArrayList<>();
        List<Event.LevelExiting> exiting =
                events.all(Event.LevelExiting.class, e -> e.chain().equals(chain));
        if (exiting.size() < nodeLevels) {
            pending.add(exiting.size() + " of " + nodeLevels + " node levels of " + chain + " announced their exit");
        }
        for (Event.LevelExiting e : exiting) {
            snapshot.process(e.pid())
                    .filter(ProcessInfo::isAlive)
                    .ifPresent(p -> pending.add(
                            "pid " + e.pid() + " (" + chain + " level " + e.level() + ") is still running"));
        }
        return pending;
    }

    /** A leak is every node level's ballast, resident; a clean cycle leaves no live process: under half a ballast. */
    @Override
    public Bound memoryBound(MemoryTrend trend, double leakedMibPerCycle) {
        return trend == MemoryTrend.GROWS
                ? new Bound.AtLeast(LEAK_FLOOR * nodeLevels * ballastMiB, Unit.MIB_PER_CYCLE)
                : new Bound.Below(ballastMiB / 2.0, Unit.MIB_PER_CYCLE);
    }

    @Override
    public String directory() {
        return "/opt/zombielab/workloads/chain";
    }

    @Override
    public Map<String, String> environment() {
        return Map.of(
                "ZOMBIELAB_DEPTH", Integer.toString(nodeLevels),
                "ZOMBIELAB_BALLAST_MIB", Integer.toString(ballastMiB),
                "ZOMBIELAB_TERM_LINGER_MS", Long.toString(termLinger.toMillis()));
    }

    /** npm, its shell, then each node level, titled zl-c[cycle]-L[level] by fixtures/chain/level.js. */
    @Override
    public List<String> expectedTree() {
        List<String> tree = new ArrayList<>(List.of("npm run start", "sh"));
        for (int level = 1; level <= nodeLevels; level++) {
            tree.add("zl-c*-L" + level);
        }
        return List.copyOf(tree);
    }

    @Override
    public Expectation expect(Reaper reaper, KillStrategy kill) {
        return ChainTruthTable.expect(reaper, kill, this);
    }
}
