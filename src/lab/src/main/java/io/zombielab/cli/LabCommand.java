package io.zombielab.cli;

import io.zombielab.Lab;
import io.zombielab.Settings;
import io.zombielab.probe.SecretMask;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that runs containers: its input is checked first ({@link #prepare}, {@link #checkOutputs}; a wrong
 * one is exit 2 and no engine is asked), then the lab is opened (no engine or base image: exit 3), then it runs.
 */
abstract class LabCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Checks the input; returns what runs once the lab is open. */
    abstract LabWork prepare();

    /** Checks, with the input, that the files the command will write can be written (exit 2 if not). */
    void checkOutputs() {}

    /** Whether it builds scenario images (all but validate --image), which need the base image. */
    boolean needsBaseImage() {
        return true;
    }

    /** Whether the progress lines on stderr are wanted. */
    boolean quiet() {
        return false;
    }

    /** What a command does with the open lab; its exit code. */
    interface LabWork {
        int run(Lab lab);
    }

    @Override
    public Integer call() {
        LabWork work = prepare();
        checkOutputs();
        PrintWriter err = err();
        java.util.function.Consumer<String> progress = line -> {
            if (!quiet()) {
                err.println("[zombielab] " + line);
                err.flush();
            }
        };
        Lab lab = needsBaseImage() ? Lab.open(settings(), progress) : Lab.openWithoutBase(settings(), progress);
        if (!showSecrets()) {
            return work.run(lab);
        }
        try (SecretMask.Scope shown = SecretMask.showingSecrets()) {
            return work.run(lab);
        }
    }

    /** Whether every output shows the values that look like credentials (hidden by default). */
    boolean showSecrets() {
        return false;
    }

    /** The settings the CLI read from its environment, once (see {@link Main}). */
    Settings settings() {
        return Main.settings(spec);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
