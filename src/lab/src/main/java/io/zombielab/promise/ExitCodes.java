package io.zombielab.promise;

/** What the exit-code promises watch: the code the container ended with, against the child's. */
final class ExitCodes {

    private ExitCodes() {}

    /** @param child how the child ended, in words; {@code want} the container's code that passes it through */
    static PromiseVerdict check(Promise promise, PromiseContainer c, ReaperUnderTest init, long want, String child) {
        long code = c.awaitExit();
        return judge(promise, init, code, want, child, c.seen(""));
    }

    static PromiseVerdict judge(
            Promise promise, ReaperUnderTest init, long code, long want, String child, PromiseVerdict.Seen seen) {
        return PromiseVerdict.of(
                init,
                promise,
                code == want ? PromiseOutcome.EXIT_CODE_PASSED : PromiseOutcome.EXIT_CODE_LOST,
                "the child exited " + child + ", the container: exit code " + code,
                seen);
    }
}
