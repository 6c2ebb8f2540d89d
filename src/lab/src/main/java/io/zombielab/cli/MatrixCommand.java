package io.zombielab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code matrix}: the cells of the given scenario files, or of every scenarios/*.yaml; checked before anything runs. */
@Command(name = "matrix", description = "runs the cells of the given scenario files (default: every scenarios/*.yaml)")
final class MatrixCommand extends ReportingCommand {

    @Mixin
    Options.ReaperMixin reapers;

    @Mixin
    Options.ShardMixin shard;

    @Mixin
    Options.ParallelMixin parallel;

    @Mixin
    Options.FamilyMixin family;

    @Option(
            names = "--scenarios",
            arity = "1..*",
            paramLabel = "SCENARIO_FILE",
            description = "the scenario files (the word is optional: files may follow bare)")
    List<Path> scenarios = new ArrayList<>();

    @Parameters(paramLabel = "SCENARIO_FILE", arity = "0..*", description = "a scenario file")
    List<Path> files = new ArrayList<>();

    @Override
    LabWork prepare() {
        List<Path> all = new ArrayList<>(scenarios);
        all.addAll(files);
        MatrixRun run = MatrixRun.of(
                settings().places(),
                all,
                reapers.filter(settings().selection()),
                shard.shard(settings().selection()),
                false,
                family.family());
        return lab -> run.run(lab, output.output(), parallel.parallel, junit, out(), err());
    }
}
