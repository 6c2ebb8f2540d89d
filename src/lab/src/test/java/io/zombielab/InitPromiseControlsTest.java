package io.zombielab;

import static org.assertj.core.api.Assertions.assertThat;

import io.qameta.allure.Allure;
import io.zombielab.promise.Grading;
import io.zombielab.promise.PromiseGrade;
import io.zombielab.promise.PromiseKit;
import io.zombielab.promise.PromiseResult;
import io.zombielab.promise.PromiseVerdict;
import io.zombielab.promise.ReaperUnderTest;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The negative controls of the promises tini's and dumb-init's own suites test: zl-helper's flawed-init, a good
 * init given exactly one flaw, put in front by --entrypoint as a user's own init would be. Validated whole (every
 * promise, as `validate --image --entrypoint` does), each must break exactly its promise and no other: a promise a
 * control could pass, or a second one it broke, would make the control prove nothing.
 */
@Tag("container")
@DisplayName("Each flawed init breaks exactly the promise of its flaw")
class InitPromiseControlsTest {

    private static Lab lab;
    private static String base;

    @BeforeAll
    static void openLab() {
        lab = Lab.open(Settings.fromEnvironment(), line -> System.out.println("[zombielab] " + line));
        base = Settings.fromEnvironment().run().requireBaseImage();
    }

    @DisplayName("flawed init:")
    @ParameterizedTest(name = "--flaw {0} breaks {1}, keeps the others")
    @CsvSource({
        "term-only,      forwards-signals",
        "outlives-child, exits-with-child",
        "blocked-mask,   clean-signal-mask",
        "exits-on-term,  lets-child-end",
        "exec-fail-zero, exec-failure",
        "reap-limit,     orphan-storm",
    })
    void breaksExactlyItsPromise(String flaw, String promise) {
        ReaperUnderTest init = ReaperUnderTest.init(
                "flawed-init --flaw " + flaw,
                base,
                Optional.of(List.of(PromiseKit.IN_CONTAINER, "flawed-init", "--flaw", flaw, "--")),
                false);

        List<PromiseResult> results =
                lab.validate(init, Grading.DEFAULT, 8, line -> System.out.println("[zombielab] " + line));

        String all = results.stream()
                .map(r -> r instanceof PromiseResult.Judged j
                        ? j.verdict().explain()
                        : ((PromiseResult.NotChecked) r).explain())
                .collect(Collectors.joining("\n"));
        Allure.addAttachment("every promise", "text/plain", all);
        assertThat(results).as("every promise was checked:\n%s", all).allMatch(r -> r instanceof PromiseResult.Judged);
        List<PromiseVerdict> verdicts =
                results.stream().map(r -> ((PromiseResult.Judged) r).verdict()).toList();
        PromiseVerdict broken = verdicts.stream()
                .filter(v -> v.promise().id().equals(promise))
                .findFirst()
                .orElseThrow();
        assertThat(broken.grade())
                .as("%s breaks %s:\n%s", init.name(), promise, broken.explain())
                .isEqualTo(PromiseGrade.BROKEN);
        // Kept, or (on a loaded machine) kept too late: a control must not break a second promise.
        assertThat(verdicts.stream()
                        .filter(v -> v != broken && v.grade() == PromiseGrade.BROKEN)
                        .map(PromiseVerdict::explain))
                .as("%s breaks nothing but %s", init.name(), promise)
                .isEmpty();
    }
}
