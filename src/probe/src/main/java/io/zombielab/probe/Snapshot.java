package io.zombielab.probe;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A container's process table and cgroup figures at one instant. */
public record Snapshot(Instant takenAt, List<ProcessInfo> processes, CgroupFigures cgroup) {

    public Snapshot {
        processes = List.copyOf(processes);
    }

    public Optional<ProcessInfo> process(int pid) {
        return processes.stream().filter(p -> p.pid() == pid).findFirst();
    }

    public List<ProcessInfo> ofChain(String chain) {
        return processes.stream().filter(p -> p.chain().equals(chain)).toList();
    }

    public long zombieCount() {
        return processes.stream().filter(ProcessInfo::isZombie).count();
    }
}
