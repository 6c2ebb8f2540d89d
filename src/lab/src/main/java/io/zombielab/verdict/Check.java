package io.zombielab.verdict;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.zombielab.scenario.Bound;

/**
 * One expectation of a scenario against what was observed: a count that must match, a measure that must lie
 * within a bound (a number with its unit), or a description against another (a process tree, the cycles).
 * Written as "ok   name: expected E, observed O" or "FAIL ..." in every report; typed in report.json.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Check.Count.class, name = "count"),
    @JsonSubTypes.Type(value = Check.Measure.class, name = "measure"),
    @JsonSubTypes.Type(value = Check.Described.class, name = "described")
})
@JsonIgnoreProperties(value = "passed", allowGetters = true)
public sealed interface Check {

    String name();

    @JsonProperty("passed")
    boolean passed();

    /** What was expected, in words. */
    @JsonIgnore
    String expectedText();

    /** What was observed, in words. */
    @JsonIgnore
    String observedText();

    /** "ok   zombies: expected 6, observed 6". */
    default String line() {
        return (passed() ? "ok   " : "FAIL ") + name() + ": expected " + expectedText() + ", observed "
                + observedText();
    }

    /** A number of processes that must be exactly this. */
    record Count(String name, long expected, long observed) implements Check {
        @Override
        public boolean passed() {
            return expected == observed;
        }

        @Override
        public String expectedText() {
            return Long.toString(expected);
        }

        @Override
        public String observedText() {
            return Long.toString(observed);
        }
    }

    /** A measured number, in the bound's unit, that must lie within the bound. */
    record Measure(String name, Bound bound, double observed) implements Check {
        @Override
        public boolean passed() {
            return bound.admits(observed);
        }

        @Override
        public String expectedText() {
            return bound.describe();
        }

        @Override
        public String observedText() {
            return bound.unit().format(observed);
        }
    }

    /** What was expected and observed, in words, and whether they agree. */
    record Described(String name, String expected, String observed, boolean passed) implements Check {
        @Override
        public String expectedText() {
            return expected;
        }

        @Override
        public String observedText() {
            return observed;
        }
    }
}
