package io.zombielab.run;

import io.zombielab.fixture.Chain;
import io.zombielab.fixture.Event;
import io.zombielab.fixture.EventLog;
import io.zombielab.observe.EndedEarly;
import io.zombielab.probe.CgroupFigures;
import io.zombielab.probe.Snapshot;
import java.util.stream.Collectors;

/**
 * Why a cycle could not start, from what ended the wait for it: the OOM killer, npm exiting before the chain was
 * up, or the pids limit refusing a fork or thread (a process that cannot make its threads may hang, not fail).
 */
final class StartFailure {

    private StartFailure() {}

    static EndedEarly explain(Chain chain, Snapshot before, Snapshot after, EventLog events) {
        var oom = OomKill.since(chain, before.cgroup(), before, after);
        if (oom.isPresent()) {
            return oom.get();
        }
        String causes = events.all(Event.LevelSpawnFailed.class, e -> e.chain().equals(chain)).stream()
                .map(e -> "; level " + e.level() + " could not spawn: " + e.error())
                .collect(Collectors.joining());
        var exited = events.first(Event.NpmExited.class, e -> e.cycle() == chain.cycle());
        if (exited.isPresent()) {
            return EndedEarly.notStarted("cycle " + chain.cycle() + ": npm exited ("
                    + exited.get().status() + ") before the chain was up" + causes);
        }
        CgroupFigures c = after.cgroup();
        String refused =
                c.forksRefused().isPresent() && before.cgroup().forksRefused().isPresent()
                        ? Long.toString(c.forksRefused().getAsLong()
                                - before.cgroup().forksRefused().getAsLong())
                        : "?";
        return EndedEarly.notStarted("cycle " + chain.cycle() + ": the pids limit refused " + refused
                + " fork(s) while the chain was starting (pids "
                + (c.pids().isPresent() ? c.pids().getAsLong() : "?")
                + " of " + c.pidsLimit() + ")" + causes);
    }
}
