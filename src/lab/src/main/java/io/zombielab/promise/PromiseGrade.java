package io.zombielab.promise;

/** How one promise came out: kept, kept too slowly, broken, or only reported (no expectation to judge against). */
public enum PromiseGrade {
    KEPT("kept"),
    SLOW("SLOW"),
    BROKEN("BROKEN"),
    REPORTED("report");

    private final String word;

    PromiseGrade(String word) {
        this.word = word;
    }

    /** The word in the table's RESULT column. */
    public String word() {
        return word;
    }

    public boolean holds() {
        return this == KEPT || this == REPORTED;
    }
}
