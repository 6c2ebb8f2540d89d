package io.zombielab.cli;

import io.zombielab.run.ContainerSpec;
import io.zombielab.run.FamilyRunner;
import io.zombielab.scenario.FamilyCell;
import io.zombielab.scenario.Scenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code plan [--reaper ID]... [FILE...]}: each cell's container as a {@code docker run} line, its images built
 * first; runs nothing. One tab-separated line a cell: id, cycles, workload, the port base of a workload that
 * listens (0 for none), the shell command (a pod cell's starts its pause container first), which prints the id
 * of the cell's container. With {@code --family NAME}, that family's cells: id, runs, door, 0, the container's
 * line (what the door then does to it is the harness's). For running a cell by hand, and for bench/baseline, which runs the same
 * cells with the docker CLI alone.
 */
@Command(
        name = "plan",
        description = "prints each cell's container as a docker run line (builds its image; runs nothing)")
final class PlanCommand extends LabCommand {

    @Mixin
    Options.ReaperMixin reapers;

    @Mixin
    Options.ShardMixin shard;

    @Mixin
    Options.FamilyMixin family;

    @Parameters(paramLabel = "SCENARIO_FILE", arity = "0..*", description = "a scenario file")
    List<Path> files = new ArrayList<>();

    @Override
    LabWork prepare() {
        MatrixRun run = MatrixRun.of(
                settings().places(),
                files,
                reapers.filter(settings().selection()),
                shard.shard(settings().selection()),
                false,
                family.family());
        List<Scenario> cells = run.cells();
        // A family's cells only when one is named: bench/baseline replays the other lines as supervisor cycles.
        List<FamilyCell> familyCells = family.family().isPresent() ? run.familyCells() : List.of();
        return lab -> {
            for (FamilyCell cell : familyCells) {
                out().println(String.join(
                        "\t",
                        cell.id(),
                        Integer.toString(cell.runs()),
                        cell.door().id(),
                        "0",
                        FamilyRunner.shellCommand(cell, lab.imageFor(cell), lab.runId())));
            }
            for (Scenario cell : cells) {
                ContainerSpec spec = lab.plan(cell);
                int portBase =
                        cell.workload().serverPortBase().orElse(0); // bench/baseline reads 0 as "listens on none"
                out().println(String.join(
                        "\t",
                        cell.id(),
                        Integer.toString(cell.cycles()),
                        cell.workload().id(),
                        Integer.toString(portBase),
                        spec.shellCommand()));
            }
            return ExitCode.OK;
        };
    }
}
