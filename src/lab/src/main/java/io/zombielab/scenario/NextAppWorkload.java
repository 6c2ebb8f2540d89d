package io.zombielab.scenario;

import io.zombielab.fixture.Chain;
import io.zombielab.fixture.EventLog;
import io.zombielab.probe.Snapshot;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * The story's real workload, fixtures/next-app: {@code npm run start} runs {@code sh -c "next start"},
 * which runs next-server, a minimal Next.js app. Cycle n listens on port {@code portBase + n}, a new port
 * per cycle as in the story (an orphan of an earlier cycle may still hold the old one).
 *
 * @param portBase cycle n's server listens on portBase + n
 */
public record NextAppWorkload(int portBase) implements Workload {

    public static final NextAppWorkload DEFAULT = new NextAppWorkload(3000);

    public NextAppWorkload {
        if (portBase < 1024 || portBase > 60_000) {
            throw new IllegalArgumentException("port base must be within 1024..60000, got " + portBase);
        }
    }

    /** How far the cgroup's growth may be from what the orphans hold (their RssAnon), relative to it. */
    private static final double LEAK_TOLERANCE = 0.25;
    /** A clean cycle's growth stays under this (one next-server holds about 50 MiB). */
    private static final double FLAT_CEILING_MIB = 8;

    @Override
    public String id() {
        return "next-app";
    }

    @Override
    public String idSuffix() {
        return "/" + id();
    }

    /** Each cycle's server on a port of its own, each mapped for the readiness check. */
    @Override
    public List<Integer> ports(int cycles) {
        return IntStream.rangeClosed(1, cycles).map(this::port).boxed().toList();
    }

    @Override
    public OptionalInt serverPortBase() {
        return OptionalInt.of(portBase);
    }

    /** GET /api/health on the cycle's port answers with the cycle's marker: an orphan of another cycle cannot. */
    @Override
    public Optional<String> awaitingUp(Chain chain, CellView cell) {
        int port = port(chain.cycle());
        return cell.healthAnswers(port, chain)
                ? Optional.empty()
                : Optional.of("next-server of " + chain + " does not answer GET /api/health on port " + port + " ("
                        + cell.mapped(port) + ")");
    }

    /** It announces nothing: no process of the chain may still be running. */
    @Override
    public List<String> stillRunning(Chain chain, EventLog events, Snapshot snapshot) {
        return snapshot.processes().stream()
                .filter(p -> p.isAlive() && p.chain().equals(chain.marker()))
                .map(p -> "pid " + p.pid() + " (" + p.comm() + ", " + chain + ") is still running")
                .toList();
    }

    /** A leak is what the orphans hold by the process table; a clean cycle stays under a few MiB. */
    @Override
    public Bound memoryBound(MemoryTrend trend, double leakedMibPerCycle) {
        return trend == MemoryTrend.GROWS
                ? new Bound.Near(leakedMibPerCycle, LEAK_TOLERANCE, "the orphans' RssAnon", Unit.MIB_PER_CYCLE)
                : new Bound.Below(FLAT_CEILING_MIB, Unit.MIB_PER_CYCLE);
    }

    @Override
    public String directory() {
        return "/opt/zombielab/workloads/next-app";
    }

    @Override
    public Map<String, String> environment() {
        return Map.of("ZOMBIELAB_PORT_BASE", Integer.toString(portBase));
    }

    /** npm, the shell npm runs scripts with, and the server (its title is "next-server (vX.Y.Z)"). */
    @Override
    public List<String> expectedTree() {
        return List.of("npm run start", "sh", "next-server*");
    }

    public int port(int cycle) {
        return portBase + cycle;
    }

    @Override
    public Expectation expect(Reaper reaper, KillStrategy kill) {
        return NextAppTruthTable.expect(reaper, kill);
    }
}
