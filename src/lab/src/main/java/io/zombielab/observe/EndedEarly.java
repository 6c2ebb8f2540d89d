package io.zombielab.observe;

/**
 * Why a cell's cycles stopped before the last: a cycle that could not start (out of PIDs, npm gone), or the
 * kernel's OOM killer. After an OOM kill the last settled table stands: the kernel, not the cell, chose what
 * died next.
 *
 * @param reason what happened, in words, naming the cycle
 */
public record EndedEarly(String reason, Cause cause) {

    /** What ended the run. */
    public enum Cause {
        NOT_STARTED("could not start cycle"),
        OOM_KILL("OOM kill at cycle");

        private final String words;

        Cause(String words) {
            this.words = words;
        }

        /** "OOM kill at cycle 6". */
        public String atCycle(int cycle) {
            return words + " " + cycle;
        }
    }

    public static EndedEarly notStarted(String reason) {
        return new EndedEarly(reason, Cause.NOT_STARTED);
    }

    public static EndedEarly oomKill(String reason) {
        return new EndedEarly(reason, Cause.OOM_KILL);
    }

    public boolean byOomKill() {
        return cause == Cause.OOM_KILL;
    }
}
