package io.zombielab.observe;

import io.zombielab.probe.CgroupFigures;

/**
 * The container once a cycle has been stopped and has settled (cycle 0: before the first start).
 *
 * @param cycle    the cycle number
 * @param cgroup   memory and pid figures
 * @param census   zombies and live orphans at that moment
 */
public record CycleSample(int cycle, CgroupFigures cgroup, Census census) {}
