package io.zombielab;

import io.zombielab.probe.CgroupFigures;
import io.zombielab.probe.PidsLimit;
import java.util.OptionalLong;

/** Cgroup figures written short in tests: every figure read, pids.max a number. */
public final class TestFigures {

    private TestFigures() {}

    public static CgroupFigures figures(long memory, long anon, long pids, long pidsMax, long forks, long oom) {
        return new CgroupFigures(
                OptionalLong.of(memory),
                OptionalLong.of(anon),
                OptionalLong.of(pids),
                PidsLimit.of(pidsMax),
                OptionalLong.of(forks),
                OptionalLong.of(oom));
    }
}
