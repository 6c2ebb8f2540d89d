package io.zombielab;

import static org.assertj.core.api.Assertions.assertThat;

import io.zombielab.promise.PromiseVerdict;
import io.zombielab.promise.Promises;
import io.zombielab.scenario.Reaper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;

/**
 * The JDK's trap (design notes): a reaper in a JVM that waits for any child steals the exit status of the
 * JVM's own Process, and the JDK then reports 0. fixtures/reaper-java reaps by pid only; each repetition
 * has the child exit 7 right after five of its orphans died under the reaper.
 */
@DisplayName("The Java reaper keeps its own child's exit status while it reaps")
class JavaReaperTest {

    private static Lab lab;

    @BeforeAll
    static void openLab() {
        lab = Lab.open(Settings.fromEnvironment(), line -> System.out.println("[zombielab] " + line));
    }

    @RepeatedTest(value = 5, name = "try {currentRepetition} of {totalRepetitions}")
    void exitCodeSurvivesReaping() {
        PromiseVerdict verdict = lab.check(lab.referenceInit(Reaper.JAVA), Promises.PASSES_EXIT_CODE);
        assertThat(verdict.seen().exitCode()).as(verdict::explain).contains(7L);
    }
}
