package io.zombielab.scenario;

import io.zombielab.fixture.Chain;
import io.zombielab.fixture.EventLog;
import io.zombielab.probe.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a supervisor starts with {@code npm run start}: the synthetic {@link ChainWorkload} (exact counts by
 * construction) or the real {@link NextAppWorkload}. Each knows where it lives in the fixtures image, how it
 * is configured, which process tree it makes, how the harness knows a cycle of it is up and has settled, the
 * ports it listens on, and what each kill strategy leaves of it: no caller asks which one it has.
 */
public sealed interface Workload permits ChainWorkload, NextAppWorkload {

    /** The id used in scenario files: {@code chain} or {@code next-app}. */
    String id();

    /** What follows a cell's id: "" for the chain (the default workload), "/next-app" for the app. */
    String idSuffix();

    /** Its folder in the fixtures image, holding package.json. */
    String directory();

    /** Settings for the supervisor's container; the supervisor passes them down through npm. */
    Map<String, String> environment();

    /** The container ports the harness reaches beside the supervisor's control port, for a run of {@code cycles}. */
    List<Integer> ports(int cycles);

    /** For `zombielab plan`: cycle n's server listens on this plus n; empty when the workload listens on none. */
    OptionalInt serverPortBase();

    /**
     * The process tree one start makes, from npm down, as patterns for the kernel's process names
     * ({@code *} matches any text): the tree observed in the container is checked against it.
     */
    List<String> expectedTree();

    /** What each stopped cycle must leave behind, for this workload, reaper and kill strategy. */
    Expectation expect(Reaper reaper, KillStrategy kill);

    /** Empty once {@code chain} is up; else what is still awaited, in words. */
    Optional<String> awaitingUp(Chain chain, CellView cell);

    /**
     * Empty once a stopped cycle is over, judged from what each process was sent, never from what the reaper is
     * expected to do: the supervisor has reaped its npm, and, where every level was signalled, none of the
     * chain's processes still runs. Else what is still pending, in words.
     */
    default Optional<String> pendingSettle(Chain chain, KillStrategy kill, EventLog events, Snapshot snapshot) {
        List<String> pending = new ArrayList<>();
        if (!events.npmExited(chain)) {
            pending.add("the supervisor has not reaped cycle " + chain.cycle() + "'s npm yet");
        }
        if (kill.signalsEveryLevel()) {
            pending.addAll(stillRunning(chain, events, snapshot));
        }
        return pending.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", pending));
    }

    /** Of a chain whose every level was signalled: what still runs. */
    List<String> stillRunning(Chain chain, EventLog events, Snapshot snapshot);

    /** How much its container's anonymous memory may (or must) grow per cycle, when the cycles leave that trend. */
    Bound memoryBound(MemoryTrend trend, double leakedMibPerCycle);
}
