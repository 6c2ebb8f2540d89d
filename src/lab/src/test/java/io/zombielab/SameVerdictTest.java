package io.zombielab;

import static io.zombielab.junit.PidOneAssertions.assertThatContainer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import io.zombielab.junit.StoppedContainerAssert;
import io.zombielab.probe.OrphanRequest;
import io.zombielab.probe.StopRule;
import io.zombielab.promise.Grading;
import io.zombielab.promise.PromiseGrade;
import io.zombielab.promise.PromiseVerdict;
import io.zombielab.promise.Promises;
import io.zombielab.promise.ReaperUnderTest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * validate and the library judge a stop and a reap by one rule, in one set of words (zombielab-probe's StopRule
 * and OrphanReport.ending), with the same figures: the orphans' count, spread and window
 * ({@link Grading#orphans()}), the stop timeout, and the accepted exit codes ({@link StopRule}). The image is the
 * `npm start` case of issue 17: tini reaps, its app exits 1 on SIGTERM, so the stop ends by itself but reports failure.
 */
@Tag("container")
@DisplayName("validate and the library give one verdict on one image")
class SameVerdictTest {

    /** What both are given. */
    private static final Grading GRADING = Grading.DEFAULT;

    private static final OrphanRequest ORPHANS = GRADING.orphans();
    private static final StopRule RULE = GRADING.stopRule();

    private static Lab lab;
    private static String image;

    @BeforeAll
    static void buildTheImage() {
        lab = Lab.open(Settings.fromEnvironment(), line -> System.out.println("[zombielab] " + line));
        image = new ImageFromDockerfile(
                        "zombielab/test-fails-on-stop:" + lab.runId().replaceAll("[^a-z0-9-]", ""), false)
                .withDockerfileFromBuilder(
                        b -> b.from(Settings.fromEnvironment().run().requireBaseImage())
                                .label("io.zombielab", "true")
                                .entryPoint(
                                        "[\"/usr/bin/tini\", \"--\", \"sh\", \"-c\", \"trap 'exit 1' TERM; sleep 1000 & wait\"]")
                                .build())
                .get();
    }

    @AfterAll
    static void removeTheImage() {
        DockerClient docker = DockerClientFactory.instance().client();
        docker.removeImageCmd(image).withForce(true).exec();
    }

    @Test
    @DisplayName(
            "the same figures: 5 orphans over 1.5 s, a 5 s window; a 5 s stop timeout; exit codes 0 and 143 accepted")
    void sharedFigures() {
        assertThat(Map.of(
                        "count",
                        ORPHANS.count(),
                        "spread ms",
                        ORPHANS.spread().toMillis(),
                        "window ms",
                        ORPHANS.window().toMillis(),
                        "stop timeout s",
                        GRADING.stopTimeout().toSeconds()))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("count", 5, "spread ms", 1500L, "window ms", 5000L, "stop timeout s", 5L));
        assertThat(RULE.acceptedFor(new StopRule.Stop(Optional.of(0L), Duration.ZERO, GRADING.stopTimeout())))
                .containsExactly(0, 143);
    }

    @Test
    @DisplayName("a reap: both say kept")
    void sameReap() {
        PromiseVerdict validate =
                lab.check(ReaperUnderTest.asShipped("fails-on-stop", image, false), Promises.SHIPPED_REAPS_ORPHANS);
        try (GenericContainer<?> app = started()) {
            assertThatContainer(app).afterOrphaning(ORPHANS).hasNoZombies().reapedWithin(GRADING.promptWithin());
        }
        assertThat(validate.grade()).as(validate::explain).isEqualTo(PromiseGrade.KEPT);
    }

    @Test
    @DisplayName(
            "a stop that ends by itself with exit 1: both say 'stopped, but reported failure (exit 1)', neither 'killed by the engine'")
    void sameStop() {
        PromiseVerdict validate =
                lab.check(ReaperUnderTest.asShipped("fails-on-stop", image, false), Promises.STOPS_GRACEFULLY);
        try (GenericContainer<?> app = started()) {
            StoppedContainerAssert stopped = assertThatContainer(app).afterGracefulStop(GRADING.stopTimeout());
            assertThatThrownBy(() -> stopped.stoppedGracefullyBy(RULE))
                    .hasMessageContaining("stopped, but reported failure (exit 1");
            // Accepting the code (validate --accept-exit-code 1, stoppedGracefullyWith(0, 143, 1)) makes it a clean
            // stop for both.
            stopped.stoppedGracefullyBy(RULE.accepting(Set.of(1)));
            assertThat(RULE.accepting(Set.of(1)).ending(stopped.stop())).isEqualTo(StopRule.Ending.STOPPED);
        }
        assertThat(validate.grade()).as(validate::explain).isEqualTo(PromiseGrade.BROKEN);
        assertThat(validate.evidence())
                .contains("stopped, but reported failure (exit 1")
                .doesNotContain("engine");
    }

    private static GenericContainer<?> started() {
        return started(image);
    }

    private static GenericContainer<?> started(String image) {
        GenericContainer<?> app = new GenericContainer<>(image)
                .withImagePullPolicy(name -> false)
                .withLabels(Map.of("io.zombielab", "true"));
        app.start();
        return app;
    }
}
