package io.zombielab.promise;

import java.util.List;

/** The init exits 128+n when its child dies of signal n: 143 for SIGTERM. */
final class PassesSignalDeath extends StatedPromise {

    private static final int SIGTERM_EXIT = 128 + 15;

    PassesSignalDeath() {
        super(
                "passes-signal-death",
                "exits 128+n when its child dies of signal n (143 for SIGTERM)",
                grading -> new PromiseSetup.ChildOfInit(List.of("exit", "--signal", "TERM"), false));
    }

    @Override
    public boolean waitsForTheInitsExit() {
        return true;
    }

    @Override
    public PromiseVerdict check(PromiseContainer container, ReaperUnderTest init, Grading grading) {
        return ExitCodes.check(this, container, init, SIGTERM_EXIT, "by SIGTERM (want " + SIGTERM_EXIT + ")");
    }
}
