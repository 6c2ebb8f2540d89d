package io.zombielab.promise;

/** What a promise check can show. Each promise has two or three of these; the verdict compares them. */
public enum PromiseOutcome {
    REAPED("reaped every orphan"),
    LEFT_ZOMBIES("left zombies"),
    EXIT_CODE_PASSED("exit code passed through"),
    EXIT_CODE_LOST("exit code lost"),
    FORWARDED("forwarded, child stopped promptly"),
    NOT_FORWARDED("not forwarded: the engine had to kill"),
    CHILD_ONLY("the child only"),
    WHOLE_GROUP("the child's whole group"),
    UNREACHED("no SIGTERM reached them"),
    REACHED("SIGTERM reached them");

    private final String text;

    PromiseOutcome(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
