package io.zombielab.report;

/** A count observed in a cell beside the count its expectation gives. */
public record Tally(int observed, int expected) {

    public boolean matches() {
        return observed == expected;
    }

    /** "5 (!=6)", or "6" where they match: the terminal table's width. */
    public String terse() {
        return matches() ? Integer.toString(observed) : observed + " (!=" + expected + ")";
    }

    /** "5 (expected 6)", or "6" where they match. */
    public String spelled() {
        return matches() ? Integer.toString(observed) : observed + " (expected " + expected + ")";
    }
}
