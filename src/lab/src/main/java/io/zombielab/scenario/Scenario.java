package io.zombielab.scenario;

import java.util.Objects;

/**
 * One cell of the matrix: what runs, how it is stopped, how often, and what must be observed; {@code guard}: in the
 * subset of its file the default test run runs (the whole file runs in {@code ./zombielab matrix}).
 */
public record Scenario(
        String name,
        Reaper reaper,
        SupervisorKind supervisor,
        Workload workload,
        KillStrategy kill,
        int cycles,
        Limits limits,
        Expectation expectation,
        boolean guard) {

    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reaper, "reaper");
        Objects.requireNonNull(supervisor, "supervisor");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(kill, "kill");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(expectation, "expectation");
        if (cycles < 1) {
            throw new IllegalArgumentException("scenario '" + name + "': cycles must be at least 1, got " + cycles);
        }
    }

    /**
     * A short id such as {@code none/go/pid-kill}, used in reports and test names; cells of the real app
     * end in {@code /next-app}.
     */
    public String id() {
        return reaper.id() + "/" + supervisor.id() + "/" + kill.id() + workload.idSuffix();
    }

    @Override
    public String toString() {
        return name + " [" + id() + "]";
    }
}
