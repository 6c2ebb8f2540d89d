package io.zombielab;

import io.zombielab.scenario.Scenario;
import io.zombielab.scenario.ScenarioFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The container cells and promises a test class runs: those of the reapers ZOMBIELAB_REAPERS names, and of
 * them this CI job's part when ZOMBIELAB_SHARD=K/N splits the suite over N jobs (every class splits its own
 * list, so each job gets about 1/N of each). Tests that are not cells (unit tests, failure modes, probes,
 * non-root runs, the example project) run in every job.
 */
final class TestCells {

    private TestCells() {}

    /**
     * The variable that widens {@link #guarded} to every cell: {@code ZOMBIELAB_MATRIX=all}. Unset (or {@code guard}),
     * the cells marked {@code guard: true}, the default test run's budget.
     */
    static final String MATRIX = "ZOMBIELAB_MATRIX";

    static Stream<Scenario> of(List<Path> files) {
        return shard(Settings.fromEnvironment().selection().reaperFilter().apply(ScenarioFiles.load(files)));
    }

    /** As {@link #of}, but only the files' {@code guard: true} cells unless ZOMBIELAB_MATRIX=all. */
    static Stream<Scenario> guarded(List<Path> files) {
        List<Scenario> all = ScenarioFiles.load(files);
        List<Scenario> kept = everyCell(System.getenv(MATRIX))
                ? all
                : all.stream().filter(Scenario::guard).toList();
        return shard(Settings.fromEnvironment().selection().reaperFilter().apply(kept));
    }

    /** {@code ZOMBIELAB_MATRIX}'s value: all, or guard (the default); anything else is refused, naming it. */
    static boolean everyCell(String value) {
        if (value == null || value.isBlank() || value.equals("guard")) {
            return false;
        }
        if (value.equals("all")) {
            return true;
        }
        throw new IllegalArgumentException(MATRIX + "=" + value + ": it takes 'all' (every cell) or 'guard' (the cells"
                + " marked guard: true, the default)");
    }

    static <T> Stream<T> shard(List<T> items) {
        return Settings.fromEnvironment().selection().shardOf().select(items).stream();
    }
}
