package io.zombielab.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A run as CI systems read test results: JUnit XML (the Ant/Surefire {@code TEST-*.xml} format), one test case
 * per matrix cell or per promise. {@link JunitXml} writes it; {@link MatrixJunit} and {@link PromiseJunit} make
 * it from what the other reports show.
 *
 * @param name  what ran ({@code <testsuites name>}), e.g. "zombielab matrix"
 * @param time  the whole run's wall time; less than the sum of the cells' when they ran in parallel
 */
public record JunitReport(String name, Duration time, List<Suite> suites) {

    public JunitReport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(time, "time");
        suites = List.copyOf(suites);
    }

    public long tests() {
        return suites.stream().mapToLong(Suite::tests).sum();
    }

    public long failures() {
        return suites.stream().mapToLong(Suite::failures).sum();
    }

    public long errors() {
        return suites.stream().mapToLong(Suite::errors).sum();
    }

    /**
     * One {@code <testsuite>}: the cells of one scenario file, or the promises of one init.
     *
     * @param timestamp  when it started
     * @param time       how long it took
     * @param properties what CI shows beside it (the run id, which probe observed, the init's image)
     */
    public record Suite(
            String name,
            String hostname,
            Instant timestamp,
            Duration time,
            Map<String, String> properties,
            List<Case> cases) {

        public Suite {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(hostname, "hostname");
            Objects.requireNonNull(timestamp, "timestamp");
            Objects.requireNonNull(time, "time");
            properties = Map.copyOf(properties);
            cases = List.copyOf(cases);
        }

        public long tests() {
            return cases.size();
        }

        public long failures() {
            return cases.stream()
                    .filter(c -> c.result() instanceof Result.Failed)
                    .count();
        }

        public long errors() {
            return cases.stream()
                    .filter(c -> c.result() instanceof Result.Errored)
                    .count();
        }

        public long skipped() {
            return cases.stream()
                    .filter(c -> c.result() instanceof Result.Skipped)
                    .count();
        }
    }

    /**
     * One {@code <testcase>}.
     *
     * @param time      how long it took; empty where nothing timed it (then no time is written, rather than 0)
     * @param systemOut what was observed, for CI to show beside the result; "" for none
     */
    public record Case(String classname, String name, Optional<Duration> time, Result result, String systemOut) {

        public Case {
            Objects.requireNonNull(classname, "classname");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(systemOut, "systemOut");
        }
    }

    /** How a test case ended: passed, failed (an expectation broke) or errored (it could not run). */
    public sealed interface Result {

        /** Held its expectation, or was measured and reported without one. */
        record Passed() implements Result {}

        /**
         * An expectation broke ({@code <failure>}).
         *
         * @param message one line: which cell or promise, which expectation
         * @param type    what kind of failure, e.g. "DoesNotHold"
         * @param detail  the evidence: the checks and the process table
         */
        record Failed(String message, String type, String detail) implements Result {}

        /** It does not apply to what the run showed ({@code <skipped>}): the message says why. */
        record Skipped(String message) implements Result {}

        /** It could not run or be checked ({@code <error>}): the message and detail say why. */
        record Errored(String message, String type, String detail) implements Result {}
    }
}
