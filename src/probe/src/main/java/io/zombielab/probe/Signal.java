package io.zombielab.probe;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The signals zombielab sends, forwards and reads exit statuses of, with their Linux numbers (the same on
 * amd64 and arm64). A process that dies of signal n leaves its parent, and a container its engine, the exit
 * code 128+n: the one home of that rule.
 */
public enum Signal {
    HUP(1),
    INT(2),
    QUIT(3),
    KILL(9),
    USR1(10),
    USR2(12),
    TERM(15),
    WINCH(28);

    private static final int SIGNALLED = 128;

    private final int number;

    Signal(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /** "SIGTERM": what docker kill -s and the engine's API take, and what people write. */
    public String signalName() {
        return "SIG" + name();
    }

    /** The exit code of a process that died of this signal: 128+n (143 for SIGTERM, 137 for SIGKILL). */
    public int exitCode() {
        return exitCodeOf(number);
    }

    /** The exit code of a process that died of signal {@code number}, any Linux signal: 128+n. */
    public static int exitCodeOf(int number) {
        return SIGNALLED + number;
    }

    /** "TERM", "SIGTERM" or "sigterm"; empty for a signal zombielab does not know. */
    public static Optional<Signal> byName(String name) {
        String plain = name.toUpperCase(Locale.ROOT).replaceFirst("^SIG", "");
        return Arrays.stream(values()).filter(s -> s.name().equals(plain)).findFirst();
    }

    /** The signal an exit code of 128+n says the process died of, if it is one zombielab knows. */
    public static Optional<Signal> ofExitCode(long code) {
        return Arrays.stream(values()).filter(s -> s.exitCode() == code).findFirst();
    }

    /** Whether an exit code says "died of a signal" (129..192), whichever signal it was. */
    public static boolean isSignalDeath(long code) {
        return code > SIGNALLED && code <= SIGNALLED + 64;
    }
}
