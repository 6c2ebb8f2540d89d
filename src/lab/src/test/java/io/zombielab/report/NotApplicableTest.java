package io.zombielab.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.zombielab.promise.Grading;
import io.zombielab.promise.PromiseGrade;
import io.zombielab.promise.PromiseOutcome;
import io.zombielab.promise.PromiseResult;
import io.zombielab.promise.PromiseVerdict;
import io.zombielab.promise.Promises;
import io.zombielab.promise.ReaperUnderTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A promise that does not apply (a Job's stop, once it ended by itself) is reported as such: never kept, never broken. */
@Tag("unit")
@DisplayName("a promise that does not apply is n/a: not kept, not judged, skipped in JUnit XML")
class NotApplicableTest {

    private static final ReaperUnderTest JOB = ReaperUnderTest.asShipped("job/c", "img:1", false);
    private static final PromiseVerdict.Seen SEEN = new PromiseVerdict.Seen(Optional.of(0L), "", "", Optional.empty());

    private static PromiseVerdict verdict(io.zombielab.promise.Promise promise, PromiseOutcome observed) {
        return new PromiseVerdict(
                JOB, promise, observed, JOB.expected(promise), Optional.empty(), "it ended by itself", SEEN);
    }

    private static ValidateReport report(PromiseVerdict stop) {
        return new ValidateReport(
                JOB,
                Grading.DEFAULT,
                Optional.empty(),
                List.of(
                        new PromiseResult.Judged(verdict(Promises.SHIPPED_REAPS_ORPHANS, PromiseOutcome.REAPED)),
                        new PromiseResult.Judged(stop)));
    }

    @Test
    @DisplayName(
            "n/a in the table and the summary, the image GOOD on what was judged; a judged stop is counted (the negative control)")
    void notCountedAsKept() {
        PromiseVerdict na = new PromiseVerdict(
                JOB,
                Promises.STOPS_GRACEFULLY,
                PromiseOutcome.NOT_APPLICABLE,
                Optional.empty(),
                Optional.empty(),
                "it ended by itself",
                SEEN);
        assertThat(na.grade()).isEqualTo(PromiseGrade.NOT_APPLICABLE);
        ValidateReport r = report(na);
        assertThat(r.grade()).isEqualTo(ValidateReport.Overall.GOOD);
        assertThat(r.summary()).isEqualTo("GOOD: 1 of 1 judged promises kept, 1 not applicable");
        assertThat(r.table()).contains("stops-gracefully      n/a     not applicable");
        assertThat(report(verdict(Promises.STOPS_GRACEFULLY, PromiseOutcome.KILLED))
                        .summary())
                .isEqualTo("BROKEN: 1 of 2 judged promises kept, 1 broken");
    }

    @Test
    @DisplayName("JUnit XML: a skipped test case with the reason, counted in the suite's skipped")
    void skippedInJunit() {
        PromiseVerdict na = new PromiseVerdict(
                JOB,
                Promises.STOPS_GRACEFULLY,
                PromiseOutcome.NOT_APPLICABLE,
                Optional.empty(),
                Optional.empty(),
                "it ended by itself",
                SEEN);
        String xml = JunitXml.render(PromiseJunit.report(report(na), Instant.EPOCH, Duration.ofSeconds(1), "host"));
        assertThat(xml).contains("skipped=\"1\"", "<skipped message=\"not applicable: it ended by itself\"/>");
        String kept = JunitXml.render(PromiseJunit.report(
                report(verdict(Promises.STOPS_GRACEFULLY, PromiseOutcome.STOPPED)),
                Instant.EPOCH,
                Duration.ofSeconds(1),
                "host"));
        assertThat(kept).contains("skipped=\"0\"").doesNotContain("<skipped");
    }
}
