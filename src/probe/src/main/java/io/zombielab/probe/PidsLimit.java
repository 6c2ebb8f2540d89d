package io.zombielab.probe;

/** A cgroup's pids.max: a number of tasks, no limit at all ("max"), or not known (nothing could be read). */
public sealed interface PidsLimit {

    PidsLimit NONE = new None();
    PidsLimit UNKNOWN = new Unknown();

    static PidsLimit of(long max) {
        return new Of(max);
    }

    /** At most {@code max} tasks, threads and zombies included. */
    record Of(long max) implements PidsLimit {
        @Override
        public String toString() {
            return Long.toString(max);
        }
    }

    /** No limit: the file says "max". */
    record None() implements PidsLimit {
        @Override
        public String toString() {
            return "max";
        }
    }

    /** Nothing was read. */
    record Unknown() implements PidsLimit {
        @Override
        public String toString() {
            return "?";
        }
    }
}
