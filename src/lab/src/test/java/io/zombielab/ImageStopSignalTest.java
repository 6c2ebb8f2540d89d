package io.zombielab;

import static org.assertj.core.api.Assertions.assertThat;

import io.qameta.allure.Allure;
import io.zombielab.image.ImageInput;
import io.zombielab.probe.StopRule;
import io.zombielab.promise.Grading;
import io.zombielab.promise.PromiseGrade;
import io.zombielab.promise.PromiseKit;
import io.zombielab.promise.PromiseVerdict;
import io.zombielab.promise.Promises;
import io.zombielab.promise.ReaperUnderTest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * An image's own STOPSIGNAL (nginx's SIGQUIT), which docker-java's inspect does not carry: validate reads it from
 * the engine, judges the image's stop by it, and still judges an init put in front of the test program on SIGTERM.
 * The image: tini in front of a shell that dies of SIGQUIT (exit 131 through tini).
 */
@DisplayName("An image's own STOPSIGNAL")
@Tag("container")
class ImageStopSignalTest {

    private static Lab lab;
    private static String base;
    private static String quitting;

    @BeforeAll
    static void buildIt() {
        lab = Lab.open(Settings.fromEnvironment(), line -> System.out.println("[zombielab] " + line));
        base = Settings.fromEnvironment().run().requireBaseImage();
        quitting = new ImageFromDockerfile(
                        "zombielab/test-stopsignal:" + lab.runId().replaceAll("[^a-z0-9-]", ""), false)
                .withFileFromString(
                        "Dockerfile",
                        "FROM " + base + "\nLABEL io.zombielab=true\nSTOPSIGNAL SIGQUIT\n"
                                + "ENTRYPOINT [\"/usr/bin/tini\", \"--\", \"sh\", \"-c\", \"sleep 1000 & wait\"]\n")
                .get();
    }

    @AfterAll
    static void removeIt() {
        if (quitting != null) {
            DockerClientFactory.instance()
                    .client()
                    .removeImageCmd(quitting)
                    .withForce(true)
                    .exec();
        }
    }

    private static PromiseVerdict attached(PromiseVerdict verdict) {
        Allure.addAttachment("evidence", "text/plain", verdict.explain());
        Allure.addAttachment("container log", "text/plain", verdict.seen().containerLog());
        return verdict;
    }

    @Test
    @DisplayName("is read from the engine (SIGQUIT); the base image, the control, has none")
    void isRead() {
        ImageInput input = new ImageInput(DockerClientFactory.instance().client(), lab.runId(), "the local socket");

        assertThat(input.check(quitting, ImageInput.Pull.NEVER, Optional.empty(), Set.of())
                        .config()
                        .stopSignal())
                .contains("SIGQUIT");
        assertThat(input.check(base, ImageInput.Pull.NEVER, Optional.of(List.of("sh")), Set.of())
                        .config()
                        .stopSignal())
                .isEmpty();
    }

    @Test
    @DisplayName(
            "as shipped, its app dying of it (exit 131) is a clean stop; judged as if SIGTERM were sent (0 and 143 only), the control, it is not")
    void judgesTheStop() {
        ReaperUnderTest shipped = ReaperUnderTest.asShipped("quits-on-quit", quitting, false);
        PromiseVerdict clean = attached(lab.check(shipped, Promises.STOPS_GRACEFULLY));
        PromiseVerdict asIfTerm = attached(lab.check(
                shipped,
                Promises.STOPS_GRACEFULLY,
                new Grading(
                        Grading.DEFAULT.promptWithin(), Grading.DEFAULT.stopTimeout(), new StopRule(Set.of(0, 143)))));

        assertThat(clean.grade()).as(clean::explain).isEqualTo(PromiseGrade.KEPT);
        assertThat(clean.evidence()).contains("stop signal SIGQUIT", "stopped by itself (exit 131)");
        assertThat(asIfTerm.grade()).as(asIfTerm::explain).isEqualTo(PromiseGrade.BROKEN);
        assertThat(asIfTerm.evidence()).contains("stopped, but reported failure (exit 131");
    }

    @Test
    @DisplayName(
            "an init put in front of the test program in it is still stopped with SIGTERM: tini forwards it; a deaf init, the control, does not")
    void anInitInFrontGetsSigterm() {
        PromiseVerdict tini = attached(lab.check(
                ReaperUnderTest.init("tini", quitting, Optional.of(List.of("/usr/bin/tini", "--")), false),
                Promises.FORWARDS_SIGTERM));
        PromiseVerdict deaf = attached(lab.check(
                ReaperUnderTest.init(
                        "deaf-init", quitting, Optional.of(List.of(PromiseKit.IN_CONTAINER, "deaf-init", "--")), false),
                Promises.FORWARDS_SIGTERM));

        assertThat(tini.grade()).as(tini::explain).isEqualTo(PromiseGrade.KEPT);
        assertThat(tini.evidence()).contains("the child got SIGTERM");
        assertThat(deaf.grade()).as(deaf::explain).isEqualTo(PromiseGrade.BROKEN);
    }
}
