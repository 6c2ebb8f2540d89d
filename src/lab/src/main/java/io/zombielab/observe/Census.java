package io.zombielab.observe;

import io.zombielab.probe.ProcessInfo;
import java.util.List;

/**
 * The classification of one snapshot.
 *
 * @param zombies     every process in state Z
 * @param liveOrphans live processes of chains whose supervisor-side handle was stopped
 */
public record Census(List<ProcessInfo> zombies, List<ProcessInfo> liveOrphans) {

    public Census {
        zombies = List.copyOf(zombies);
        liveOrphans = List.copyOf(liveOrphans);
    }

    public long orphanRssKiB() {
        return liveOrphans.stream().mapToLong(ProcessInfo::rssKiB).sum();
    }
}
