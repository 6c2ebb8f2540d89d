package io.zombielab.promise;

/**
 * The init exits with its child's exit code, 7, even while it reaps that child's orphans (tini: exit code
 * passes through): an init that waits for anyone (waitpid(-1)) can steal the status.
 */
final class PassesExitCode extends StatedPromise {

    private static final int CODE = 7;

    PassesExitCode() {
        super(
                "passes-exit-code",
                "exits with its child's exit code, 7, even while it reaps that child's orphans (tini: exit code passes through)",
                grading -> new PromiseSetup.ChildOfInit(
                        java.util.List.of(
                                "orphans",
                                "--count",
                                Integer.toString(Orphans.COUNT),
                                "--then-exit",
                                Integer.toString(CODE)),
                        false));
    }

    @Override
    public boolean waitsForTheInitsExit() {
        return true;
    }

    @Override
    public PromiseVerdict check(PromiseContainer container, ReaperUnderTest init, Grading grading) {
        return ExitCodes.check(this, container, init, CODE, Integer.toString(CODE));
    }
}
