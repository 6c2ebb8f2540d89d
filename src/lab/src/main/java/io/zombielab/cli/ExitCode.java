package io.zombielab.cli;

/** What the `zombielab` command's exit status means (README, "Exit codes"; the launcher uses the same). */
final class ExitCode {
    /** Every cell holds, every judged promise is kept. */
    static final int OK = 0;
    /** A cell does not hold, a promise is broken, or a cell could not run. */
    static final int FAILED = 1;
    /** The command line or a scenario file is wrong; nothing ran. */
    static final int USAGE = 2;
    /** No engine, no base image: the environment is not ready. */
    static final int ENVIRONMENT = 3;

    private ExitCode() {}
}
