package io.zombielab.promise;

/** How one promise came out: kept, kept too slowly, broken, or only reported (no expectation to judge against). */
public enum PromiseGrade {
    KEPT("kept"),
    SLOW("SLOW"),
    BROKEN("BROKEN"),
    REPORTED("report"),
    /** The promise does not apply to what this run showed (a stop of a Job that ended by itself): neither kept nor broken. */
    NOT_APPLICABLE("n/a");

    private final String word;

    PromiseGrade(String word) {
        this.word = word;
    }

    /** The word in the table's RESULT column. */
    public String word() {
        return word;
    }

    public boolean holds() {
        return this == KEPT || this == REPORTED || this == NOT_APPLICABLE;
    }
}
