package io.zombielab.scenario;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Where a measured number must lie, in its unit; each says what it admits in words, for reports. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Bound.AtLeast.class, name = "at-least"),
    @JsonSubTypes.Type(value = Bound.Below.class, name = "below"),
    @JsonSubTypes.Type(value = Bound.Near.class, name = "near")
})
public sealed interface Bound {

    Unit unit();

    boolean admits(double value);

    /** "&lt; 16.0 MiB/cycle". */
    String describe();

    /** At least {@code floor}: a leak must be at least this big. */
    record AtLeast(double floor, Unit unit) implements Bound {
        @Override
        public boolean admits(double value) {
            return value >= floor;
        }

        @Override
        public String describe() {
            return ">= " + unit.format(floor);
        }
    }

    /** Under {@code ceiling}: what a clean cycle may grow by. */
    record Below(double ceiling, Unit unit) implements Bound {
        @Override
        public boolean admits(double value) {
            return value < ceiling;
        }

        @Override
        public String describe() {
            return "< " + unit.format(ceiling);
        }
    }

    /**
     * Within {@code fraction} of {@code center}, a positive amount another reading gave: the cgroup's growth
     * against what the orphans hold by the process table.
     */
    record Near(double center, double fraction, String of, Unit unit) implements Bound {
        @Override
        public boolean admits(double value) {
            return center > 0 && Math.abs(value - center) <= fraction * center;
        }

        @Override
        public String describe() {
            return String.format("%s +-%.0f%% (%s)", unit.format(center), fraction * 100, of);
        }
    }
}
