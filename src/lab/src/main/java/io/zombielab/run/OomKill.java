package io.zombielab.run;

import io.zombielab.fixture.Chain;
import io.zombielab.observe.EndedEarly;
import io.zombielab.probe.CgroupFigures;
import io.zombielab.probe.ProcessInfo;
import io.zombielab.probe.Snapshot;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/** An OOM kill in a cell's container, in words: how many, the memory then, and which processes it took. */
final class OomKill {

    private OomKill() {}

    /**
     * The OOM kills since {@code baseline}, with which processes of {@code earlier} are gone by {@code now} (the new
     * cycle's own are not in it); empty if there were none.
     */
    static Optional<EndedEarly> since(Chain cycle, CgroupFigures baseline, Snapshot earlier, Snapshot now) {
        CgroupFigures c = now.cgroup();
        if (!c.oomKilledSince(baseline)) {
            return Optional.empty();
        }
        Set<ProcessInfo.ProcessKey> present =
                now.processes().stream().map(ProcessInfo::key).collect(Collectors.toSet());
        List<String> gone = earlier.processes().stream()
                .filter(ProcessInfo::isAlive)
                .filter(p -> !present.contains(p.key()))
                .map(p ->
                        "pid " + p.pid() + " " + p.displayCommand() + (p.chain().isEmpty() ? "" : " of " + p.chain()))
                .toList();
        return Optional.of(EndedEarly.oomKill(String.format(
                "cycle %d: the kernel's OOM killer killed %d process(es) in the "
                        + "container (anonymous memory %s MiB, %s MiB in use with the page cache); %s",
                cycle.cycle(),
                c.oomKills().getAsLong() - baseline.oomKills().getAsLong(),
                mib(c.anonBytes()),
                mib(c.memoryBytes()),
                gone.isEmpty()
                        ? "every process of the earlier cycles is still there: it killed the new cycle's"
                        : "gone since the cycle began: " + String.join(", ", gone))));
    }

    private static String mib(OptionalLong bytes) {
        return bytes.isPresent() ? Long.toString(bytes.getAsLong() >> 20) : "?";
    }
}
