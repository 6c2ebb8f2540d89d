package io.zombielab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The command only the checkout's launcher runs ({@code test}: Maven over the checkout, which the CLI is not): listed
 * here so the usage text names every command once; run here, it says where it belongs.
 */
abstract class LauncherCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new UsageException("'" + spec.name() + "' is the launcher's: run ./zombielab " + spec.name(), false);
    }

    @Command(
            name = "test",
            description = "the test suite (unit tests and every container scenario), as CI runs it (launcher)")
    static final class Test extends LauncherCommand {}
}
