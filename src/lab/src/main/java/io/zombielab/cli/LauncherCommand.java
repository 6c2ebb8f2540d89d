package io.zombielab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The commands only the launcher runs (they set up or inspect the machine, not containers of a run): listed
 * here so the usage text names every command once; run here, they say where they belong.
 */
abstract class LauncherCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new UsageException("'" + spec.name() + "' is the launcher's: run ./zombielab " + spec.name(), false);
    }

    @Command(name = "test", description = "the test suite (unit tests and every container scenario), as CI runs it (launcher)")
    static final class Test extends LauncherCommand {
    }

    @Command(name = "doctor", description = "what a run needs, what is missing and how to get it; installs nothing (launcher)")
    static final class Doctor extends LauncherCommand {
    }

    @Command(name = "gc", description = "removes every container and image labelled io.zombielab=true (launcher)")
    static final class Gc extends LauncherCommand {
    }
}
