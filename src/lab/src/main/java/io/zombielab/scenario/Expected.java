package io.zombielab.scenario;

/** What a family cell's measure must be: exactly a count (where the kernel makes it exact), or within a bound. */
public sealed interface Expected {

    boolean admits(double value);

    /** "= 10", ">= 2.00 s", "< 1.00 s". */
    String describe(Measure measure);

    record Exactly(long value) implements Expected {
        @Override
        public boolean admits(double observed) {
            return Math.abs(observed - value) < 1e-9;
        }

        @Override
        public String describe(Measure measure) {
            return measure.format(value);
        }
    }

    record AtLeast(double floor) implements Expected {
        @Override
        public boolean admits(double observed) {
            return observed >= floor;
        }

        @Override
        public String describe(Measure measure) {
            return ">= " + measure.format(floor);
        }
    }

    record Below(double ceiling) implements Expected {
        @Override
        public boolean admits(double observed) {
            return observed < ceiling;
        }

        @Override
        public String describe(Measure measure) {
            return "< " + measure.format(ceiling);
        }
    }
}
