package io.zombielab.promise;

import io.zombielab.probe.ProcessInfo;
import io.zombielab.probe.Snapshot;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Whether two looks at an image's processes show it at rest: nothing started, ended, renamed or still growing. */
final class AtRest {

    /** Memory a process at rest may gain or lose between two looks: 1%, at least 256 KiB. */
    private static final double DRIFT = 0.01;

    private static final long LEAST_DRIFT_KIB = 256;

    private AtRest() {}

    static boolean same(Snapshot before, Snapshot after) {
        Map<Integer, ProcessInfo> was = byPid(before);
        Map<Integer, ProcessInfo> now = byPid(after);
        return !now.isEmpty()
                && was.keySet().equals(now.keySet())
                && now.values().stream().allMatch(p -> atRest(was.get(p.pid()), p));
    }

    private static boolean atRest(ProcessInfo was, ProcessInfo now) {
        long drift = Math.max(LEAST_DRIFT_KIB, (long) (was.rssKiB() * DRIFT));
        return was.comm().equals(now.comm())
                && was.cmdline().equals(now.cmdline())
                && Math.abs(now.rssKiB() - was.rssKiB()) <= drift;
    }

    private static Map<Integer, ProcessInfo> byPid(Snapshot s) {
        return s.processes().stream().collect(Collectors.toMap(ProcessInfo::pid, Function.identity()));
    }
}
