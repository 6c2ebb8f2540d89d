package io.zombielab.cli;

/** The command line, or a file it names, is wrong: exit 2, saying what; with the usage text where it helps. */
final class UsageException extends RuntimeException {

    final boolean showUsage;

    UsageException(String message) {
        this(message, true);
    }

    UsageException(String message, boolean showUsage) {
        super(message);
        this.showUsage = showUsage;
    }
}
