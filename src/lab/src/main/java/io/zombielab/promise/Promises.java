package io.zombielab.promise;

import io.zombielab.scenario.Ids;
import java.util.Comparator;
import java.util.List;

/** Every promise validate checks, in the order it reports them; a new promise is a class and a line here. */
public final class Promises {

    public static final Promise REAPS_ORPHANS = new ReapsOrphans();
    public static final Promise PASSES_EXIT_CODE = new PassesExitCode();
    public static final Promise PASSES_SIGNAL_DEATH = new PassesSignalDeath();
    public static final Promise FORWARDS_SIGTERM = new ForwardsSigterm();
    public static final Promise SIGNAL_REACH = new SignalReach();
    public static final Promise OWN_GROUPS_UNREACHED = new OwnGroupsUnreached();
    public static final Promise SUB_REAPER = new SubReaper();
    public static final Promise EXIT_CODE_IN_RACE = new PassesExitCodeInRace();
    public static final Promise FORWARDS_SIGNALS = new ForwardsSignals();
    public static final Promise EXITS_WITH_CHILD = new ExitsWithChild();
    public static final Promise CLEAN_SIGNAL_MASK = new CleanSignalMask();
    public static final Promise LETS_CHILD_END = new LetsChildEnd();
    public static final Promise EXEC_FAILURE = new ExecFailure();
    public static final Promise ORPHAN_STORM = new OrphanStorm();
    public static final Promise NOT_PID1_WARNING = new NotPid1Warning();

    /** An init's promises, checked with zl-helper as its child. */
    public static final List<Promise> ALL = List.of(
            REAPS_ORPHANS,
            PASSES_EXIT_CODE,
            PASSES_SIGNAL_DEATH,
            FORWARDS_SIGTERM,
            SIGNAL_REACH,
            OWN_GROUPS_UNREACHED,
            SUB_REAPER,
            EXIT_CODE_IN_RACE,
            NOT_PID1_WARNING,
            FORWARDS_SIGNALS,
            EXITS_WITH_CHILD,
            CLEAN_SIGNAL_MASK,
            LETS_CHILD_END,
            EXEC_FAILURE,
            ORPHAN_STORM);

    /**
     * The order the promises are started in, at most {@code --parallel} at once: the ones that take longest first
     * (a window to wait out, fifty trials, a storm to make), the quick ones filling in behind them, so that no long one
     * starts last. Measured with bench/promise-times on tini, a 3 s timer, the Java reaper and npm; a promise not
     * listed starts after these.
     */
    static final List<Promise> LONGEST_FIRST = List.of(
            SUB_REAPER,
            EXIT_CODE_IN_RACE,
            REAPS_ORPHANS,
            FORWARDS_SIGNALS,
            ORPHAN_STORM,
            SIGNAL_REACH,
            OWN_GROUPS_UNREACHED,
            LETS_CHILD_END,
            FORWARDS_SIGTERM,
            EXITS_WITH_CHILD,
            PASSES_SIGNAL_DEATH,
            PASSES_EXIT_CODE,
            NOT_PID1_WARNING,
            CLEAN_SIGNAL_MASK,
            EXEC_FAILURE);

    /** Compares promises by when to start them: {@link #LONGEST_FIRST}'s order, the others after. */
    public static final Comparator<Promise> START_FIRST = Comparator.comparingInt(p -> {
        int at = LONGEST_FIRST.indexOf(p);
        return at < 0 ? LONGEST_FIRST.size() : at;
    });

    public static final Promise SHIPPED_REAPS_ORPHANS = new ReapsOrphansAsShipped();
    public static final Promise STOPS_GRACEFULLY = new StopsGracefully();

    public static final Promise PROBES_REAPED = new ProbesReaped();

    public static final Promise JOB_REAPS = new ReapsWhileRunning();
    public static final Promise JOB_SUCCEEDS = new JobSucceeds();

    /**
     * A Job's container's promises: it ends by itself, so it is judged on reaping while it runs and on its exit code;
     * stops-gracefully applies only when it is still running at its deadline (else it is not applicable).
     */
    public static final List<Promise> JOB = List.of(JOB_REAPS, JOB_SUCCEEDS, STOPS_GRACEFULLY);

    /** An image's promises as it ships, whatever its PID 1 (and {@link #PROBES_REAPED} where a deployment runs probes). */
    public static final List<Promise> AS_SHIPPED = List.of(SHIPPED_REAPS_ORPHANS, STOPS_GRACEFULLY);

    private Promises() {}

    /** An init's promise by id. */
    public static Promise byId(String id) {
        return Ids.byId(ALL, Promise::id, id, "promise");
    }
}
