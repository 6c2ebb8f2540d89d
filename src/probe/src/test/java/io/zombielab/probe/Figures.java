package io.zombielab.probe;

import java.util.OptionalLong;

/** Cgroup figures written short in tests: null for a figure nobody could read. */
final class Figures {

    private Figures() {}

    static CgroupFigures figures(Long memory, Long anon, Long pids, PidsLimit limit, Long forks, Long oom) {
        return new CgroupFigures(opt(memory), opt(anon), opt(pids), limit, opt(forks), opt(oom));
    }

    private static OptionalLong opt(Long value) {
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }
}
