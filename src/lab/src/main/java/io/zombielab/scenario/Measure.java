package io.zombielab.scenario;

import java.util.List;
import java.util.Locale;

/** What a family cell measures; its expectations name these in scenario files. */
public enum Measure {
    /** Zombies in the container after the last run. */
    ZOMBIES("zombies", "", true),
    /** Zombies after the last run divided by the runs. */
    ZOMBIES_PER_RUN("zombies-per-run", "", false),
    /** From the stop signal to the container's exit. */
    STOP_SECONDS("stop-seconds", " s", false),
    /** The container's exit code. */
    EXIT_CODE("exit-code", "", true),
    /** 1 when the app logged that it got SIGTERM (its shutdown handler ran), else 0. */
    APP_GOT_SIGTERM("app-got-sigterm", "", true),
    /** 1 when the app logged that its shutdown handler finished (it takes 0.5 s), else 0: a handler cut short is 0. */
    APP_SHUTDOWN_COMPLETE("app-shutdown-complete", "", true),
    /** 1 when the app started at all, else 0. */
    APP_STARTED("app-started", "", true),
    /** Jobs whose exit status the app reported wrong (0, or an error, for a job that exited 3). */
    MISREPORTED("misreported", "", true),
    /** How long the app's wait for a cancelled job took. */
    WAIT_SECONDS("wait-seconds", " s", false),
    /** The job's processes still alive once the app's wait returned. */
    LIVE_ORPHANS("live-orphans", "", true),
    /**
     * The cgroup's tasks after the last run less those after the first, per run between them: the PIDs each
     * run keeps (a zombie holds one); needs two runs and a probe that reads the cgroup.
     */
    PIDS_PER_RUN("pids-per-run", "", false),
    /** Processes the kernel's OOM killer killed in the container (the cgroup's oom_kill count). */
    OOM_KILLS("oom-kills", "", true),
    /** 1 when redis-server was no longer alive at the end (nothing but the OOM killer ends it), else 0. */
    REDIS_KILLED("redis-killed", "", true),
    /** Errors the supervisor's Redis connections logged: a lost connection, or a refusal (an error reply). */
    REDIS_ERRORS("redis-errors", "", true),
    /**
     * 1 when the first error in the supervisor's log is a Redis one, before any about its own children (a spawn
     * or stop that failed, npm ending before its stop, an orphan's shell printing "Killed"); 0 when a child's came
     * first, or no error at all. A race (the OOM killer may take an orphan while Redis is still exiting): families.json
     * and the report give it, the family file expects no value of it.
     */
    REDIS_ERROR_FIRST("redis-error-first", "", true),
    /** The most memory the container's processes held (the cgroup's anonymous memory, no page cache), in MiB. */
    MEMORY_MIB("memory-mib", " MiB", true);

    private final String id;
    private final String unit;
    private final boolean whole;

    Measure(String id, String unit, boolean whole) {
        this.id = id;
        this.unit = unit;
        this.whole = whole;
    }

    public String id() {
        return id;
    }

    /** "2.0 s", "137". */
    public String format(double value) {
        return (whole ? Long.toString(Math.round(value)) : String.format(Locale.ROOT, "%.2f", value)) + unit;
    }

    public static Measure byId(String id) {
        return Ids.byId(List.of(values()), Measure::id, id, "measure");
    }
}
