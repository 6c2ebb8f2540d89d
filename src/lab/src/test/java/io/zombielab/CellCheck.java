package io.zombielab;

import static org.assertj.core.api.Assertions.assertThat;

import io.qameta.allure.Allure;
import io.zombielab.verdict.Judge;
import io.zombielab.verdict.Verdict;

/** What every container cell test does with its verdict: attach the evidence, then assert it holds. */
final class CellCheck {

    private CellCheck() {}

    static void assertHolds(Verdict verdict) {
        Allure.addAttachment(
                "process table while the first cycle was up",
                "text/plain",
                verdict.observation().up().table());
        Allure.addAttachment(
                "process table after the last cycle",
                "text/plain",
                verdict.observation().end().table());
        Allure.addAttachment(
                "memory, pids, zombies and orphans per cycle",
                "text/plain",
                Judge.series(verdict.observation().samples()));
        Allure.addAttachment(
                "process tree of the first cycle",
                "text/plain",
                verdict.observation().up().tree().render());
        Allure.addAttachment(
                "container log", "text/plain", verdict.observation().containerLog());
        assertThat(verdict.holds()).as(verdict::explain).isTrue();
    }
}
