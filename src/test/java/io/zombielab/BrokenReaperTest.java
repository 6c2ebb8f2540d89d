package io.zombielab;

import static org.assertj.core.api.Assertions.assertThat;

import io.zombielab.engine.DockerEngine;
import io.zombielab.image.ImageCatalog;
import io.zombielab.image.Labels;
import io.zombielab.image.ProjectLayout;
import io.zombielab.scenario.Promise;
import io.zombielab.scenario.PromiseOutcome;
import io.zombielab.scenario.ReaperUnderTest;
import io.zombielab.verdict.PromiseVerdict;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * validate must catch an init that reaps only its own child: built here from src/test/resources/broken-reaper,
 * validated as a user's image would be, through its own ENTRYPOINT.
 */
@DisplayName("A broken reaper (reaps only its own child)")
class BrokenReaperTest {

    private static Lab lab;
    private static ReaperUnderTest broken;

    @BeforeAll
    static void buildTheBrokenReaper() {
        lab = Lab.open(line -> System.out.println("[zombielab] " + line));
        ImageCatalog images = new ImageCatalog(DockerEngine.client(), ProjectLayout.current(),
                ImageCatalog.baseImageFromEnvironment(), line -> System.out.println("[zombielab] " + line));
        String image = new ImageFromDockerfile("zombielab/test-broken-reaper", false)
                .withFileFromPath("Dockerfile", Path.of("src/test/resources/broken-reaper/Dockerfile"))
                .withBuildArg("FIXTURES_IMAGE", images.fixtures())
                .withBuildImageCmdModifier(cmd -> cmd.withLabels(Labels.image("test")))
                .get();
        broken = new ReaperUnderTest("broken-reaper", image, Optional.empty(), false, ReaperUnderTest.universalPromises());
    }

    @Test
    @DisplayName("breaks reaps-orphans: the orphans it adopts stay zombies, and validate says so with the process table")
    void breaksTheReapingPromise() {
        PromiseVerdict verdict = lab.check(broken, Promise.REAPS_ORPHANS);

        assertThat(verdict.holds()).as(verdict::explain).isFalse();
        assertThat(verdict.observed()).isEqualTo(PromiseOutcome.LEFT_ZOMBIES);
        assertThat(verdict.observation().zombies()).isEqualTo(5);
        assertThat(verdict.explain()).contains("broken-reaper BREAKS 'reaps-orphans'", "5 zombies", "<defunct>");
    }

    @Test
    @DisplayName("keeps the promises it does implement: exit codes pass through, SIGTERM is forwarded")
    void keepsTheOthers() {
        for (Promise promise : new Promise[] {Promise.PASSES_EXIT_CODE, Promise.PASSES_SIGNAL_DEATH, Promise.FORWARDS_SIGTERM}) {
            PromiseVerdict verdict = lab.check(broken, promise);
            assertThat(verdict.holds()).as(verdict::explain).isTrue();
        }
    }
}
