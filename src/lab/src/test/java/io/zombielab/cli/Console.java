package io.zombielab.cli;

import io.zombielab.Settings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The zombielab command run in this JVM, as a terminal would see it: what it printed on each stream. */
final class Console {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Optional<Settings> settings;

    /** The command as this JVM's environment sets it. */
    Console() {
        this.settings = Optional.empty();
    }

    /** The command with the environment {@code settings} was read from (a test's own variables). */
    Console(Settings settings) {
        this.settings = Optional.of(settings);
    }

    /** Runs {@code zombielab ARGS...}; its exit code. */
    int run(String... args) {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        return settings.map(s -> Main.run(Main.commandLine(s), args, o, e)).orElseGet(() -> Main.run(args, o, e));
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
