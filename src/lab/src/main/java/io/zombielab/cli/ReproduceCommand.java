package io.zombielab.cli;

import io.zombielab.scenario.ReaperFilter;
import io.zombielab.scenario.Shard;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code reproduce}: the story's cells (scenarios/story.yaml) in containers, the matrix and the story's reading. */
@Command(
        name = "reproduce",
        description = "runs the story's cells (scenarios/story.yaml) in containers and prints the matrix")
final class ReproduceCommand extends ReportingCommand {

    @Mixin
    Options.ParallelMixin parallel;

    @Override
    LabWork prepare() {
        MatrixRun run = MatrixRun.of(
                settings().places(),
                List.of(settings().places().layout().scenarios().resolve("story.yaml")),
                ReaperFilter.ALL,
                Shard.ALL,
                true);
        return lab -> run.run(lab, output.output(), parallel.parallel, junit, out(), err());
    }
}
