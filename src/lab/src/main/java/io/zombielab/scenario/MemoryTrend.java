package io.zombielab.scenario;

/** What memory should do from one stop/start cycle to the next. */
public enum MemoryTrend {
    /** Each cycle leaks live processes: memory grows by at least their ballast. */
    GROWS,
    /** Nothing alive is left behind: growth per cycle stays below one ballast. */
    FLAT
}
