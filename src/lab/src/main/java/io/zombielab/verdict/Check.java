package io.zombielab.verdict;

/** One expectation of a scenario against what was observed. */
public record Check(String name, String expected, String actual, boolean passed) {

    @Override
    public String toString() {
        return (passed ? "ok   " : "FAIL ") + name + ": expected " + expected + ", observed " + actual;
    }
}
