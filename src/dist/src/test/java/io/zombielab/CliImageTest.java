package io.zombielab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The CLI's image, zombielab/cli:&lt;version&gt;, built from the release archive by its bin/zombielab-image, used as
 * docs/install.md says: the engine's socket given to it, host network. The host's /proc is not the container's, so
 * it observes with the universal probe; it judges an image of the engine from inside its container.
 * The image is kept, as the fixtures images are (a rebuild reuses its JRE layer); gc removes it.
 */
@Tag("container")
@DisplayName("The CLI image zombielab/cli:<version>")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliImageTest {

    private ReleaseArchive archive;
    private String cli;
    private String app;

    @BeforeAll
    void buildIt() {
        archive = ReleaseArchive.unpacked();
        String said = ReleaseArchive.run(
                List.of(archive.home().resolve("bin/zombielab-image").toString()));
        cli = said.strip().lines().reduce((first, last) -> last).orElse("");
        assertThat(cli)
                .as("bin/zombielab-image names the image it built:\n" + said)
                .isEqualTo("zombielab/cli:" + ReleaseArchive.version());
        // The common mistake: a program at PID 1 that reaps nothing (sleep).
        app = TestImages.build(
                "zombielab/test-cli-app:" + ProcessHandle.current().pid(), "CMD [\"sleep\", \"infinity\"]");
    }

    @AfterAll
    void removeThem() {
        if (app != null) {
            TestImages.remove(app);
        }
        if (archive != null) {
            archive.close();
        }
    }

    @Test
    @DisplayName(
            "docker run ... zombielab/cli validate --image: judges the image from inside its container with the universal probe (sleep at PID 1: BROKEN, exit 1)")
    void validatesAnImageFromInsideAContainer() {
        String name = "zombielab-cli-test-" + ProcessHandle.current().pid();
        // The documented command; a run id of its own, which no launcher on this engine takes for a stale run's.
        List<String> command = Stream.of(List.of(
                        "docker",
                        "run",
                        "--rm",
                        "--name",
                        name,
                        "--network",
                        "host",
                        "-v",
                        "/var/run/docker.sock:/var/run/docker.sock",
                        "-e",
                        "ZOMBIELAB_RUN_ID=" + name,
                        cli,
                        "validate",
                        "--image",
                        app))
                .flatMap(List::stream)
                .toList();
        LauncherRun run;
        try {
            run = LauncherRun.of(new ProcessBuilder(command), Duration.ofMinutes(5));
        } finally {
            TestImages.removeContainer(name);
        }

        assertThat(run.exit())
                .as("validate of %s from inside %s\n%s", app, cli, run.said())
                .isEqualTo(1);
        assertThat(run.stdout())
                .as(run.said())
                .contains("observed by the universal probe", "PID 1: sleep infinity", "BREAKS 'reaps-orphans'")
                .containsPattern("reaps-orphans +BROKEN +left zombies")
                .containsPattern("\\[zl-orphan\\] <defunct>");
    }
}
