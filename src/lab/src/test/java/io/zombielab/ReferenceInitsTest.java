package io.zombielab;

import static org.assertj.core.api.Assertions.assertThat;

import io.qameta.allure.Allure;
import io.zombielab.promise.PromiseVerdict;
import io.zombielab.promise.Promises;
import io.zombielab.promise.ReaperUnderTest;
import io.zombielab.scenario.Reaper;
import io.zombielab.scenario.ReaperFilter;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each reference init keeps the promises its own documentation and tests make, one container per promise. */
@DisplayName("The reference inits keep their promises")
@ExtendWith(SkipWithoutCells.class)
@Tag("container")
class ReferenceInitsTest {

    private static Lab lab;

    @BeforeAll
    static void openLab() {
        lab = Lab.open(Settings.fromEnvironment(), line -> System.out.println("[zombielab] " + line));
    }

    static Stream<Arguments> promises() {
        ReaperFilter filter = Settings.fromEnvironment().selection().reaperFilter();
        return TestCells.shard(Arrays.stream(Reaper.values())
                .filter(Reaper::isContainerInit)
                .filter(filter::admits)
                .flatMap(reaper ->
                        // Which promises apply depends on the init alone (not its image, built when the test runs).
                        ReaperUnderTest.reference(reaper, "(its reaper image)").promises().stream()
                                .map(p -> Arguments.of(reaper, p.id())))
                .toList());
    }

    @DisplayName("init keeps promise:")
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("promises")
    void keepsItsPromise(Reaper reaper, String promise) {
        PromiseVerdict verdict = lab.check(lab.referenceInit(reaper), Promises.byId(promise));

        Allure.addAttachment("evidence", "text/plain", verdict.explain());
        Allure.addAttachment("container log", "text/plain", verdict.seen().containerLog());
        assertThat(verdict.expected()).as("every reference promise is judged").isPresent();
        assertThat(verdict.holds()).as(verdict::explain).isTrue();
    }
}
