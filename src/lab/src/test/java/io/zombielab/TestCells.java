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

    static Stream<Scenario> of(List<Path> files) {
        return shard(Settings.fromEnvironment().selection().reaperFilter().apply(ScenarioFiles.load(files)));
    }

    static <T> Stream<T> shard(List<T> items) {
        return Settings.fromEnvironment().selection().shardOf().select(items).stream();
    }
}
