package io.zombielab.cli;

import io.zombielab.engine.DockerEngine;
import io.zombielab.run.Sweep;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gc [--run-id ID]}: removes what zombielab left on the engine ({@link Sweep} says what that is). Exit 0 when
 * nothing selected is left, 1 naming each container or image that could not be removed, 3 with no engine.
 */
@Command(
        name = "gc",
        description = "removes every container, then every image, labelled io.zombielab=true (the base image too)")
final class GcCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--run-id",
            paramLabel = "ID",
            description = "one run's only: what carries io.zombielab.run=ID (other runs' are left alone)")
    Optional<String> runId = Optional.empty();

    @Override
    public Integer call() {
        Sweep.Selection selection = new Sweep.Selection(runId);
        if (runId.isPresent() && selection.runId().isEmpty()) {
            throw new UsageException(
                    "--run-id needs a run id (the io.zombielab.run label of the run's containers)", true);
        }
        var engine = Main.settings(spec).engine();
        com.github.dockerjava.api.DockerClient docker;
        try {
            docker = DockerEngine.client(engine);
        } catch (DockerEngine.EngineUnavailableException e) {
            // DockerEngine's own words name the checkout's launcher; gc runs from a release archive too.
            throw new DockerEngine.EngineUnavailableException("gc: nothing removed: "
                    + (engine.ryukDisabled()
                            ? "no Docker engine answers at " + engine.address()
                                    + "; start it, or point DOCKER_HOST at one "
                                    + "(zombielab doctor says what a run needs)"
                            : e.getMessage()));
        }
        PrintWriter err = spec.commandLine().getErr();
        Sweep.Result result = new Sweep(docker, selection).run(line -> {
            err.println("[zombielab] " + line);
            err.flush();
        });
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                "gc: removed %d container(s) and %d image(s) %s%s%n",
                result.containers(), result.images(), selection.describe(), result.clean() ? "; none is left" : "");
        if (result.clean()) {
            return ExitCode.OK;
        }
        result.left().forEach(left -> err.println("[zombielab] ERROR: gc: could not remove " + left));
        err.println("[zombielab] ERROR: gc: " + result.left().size() + " left " + selection.describe());
        return ExitCode.FAILED;
    }
}
