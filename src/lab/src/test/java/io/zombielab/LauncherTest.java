package io.zombielab;

import static org.assertj.core.api.Assertions.assertThat;

import io.zombielab.engine.DockerEngine;
import io.zombielab.image.Labels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The launcher's exit codes, as README documents them: 0 all hold, 1 a cell does not hold, 2 a usage error,
 * 3 the environment is not ready. Run from a built copy of the checkout, with a clean environment, as
 * whoever runs the suite.
 */
@DisplayName("The launcher's exit codes")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("container")
class LauncherTest {

    private CheckoutCopy copy;

    @BeforeAll
    void copyTheCheckout() {
        copy = CheckoutCopy.of(Settings.fromEnvironment().places().layout().root());
    }

    @AfterAll
    void removeTheCopy() {
        copy.close();
    }

    private LauncherRun launcher(Map<String, String> env, String... args) {
        var command = new java.util.ArrayList<>(java.util.List.of(
                "env",
                "-i",
                "HOME=" + System.getProperty("user.home"),
                "PATH=" + System.getenv("PATH"),
                "LANG=C.UTF-8"));
        env.forEach((k, v) -> command.add(k + "=" + v));
        command.add("./zombielab");
        command.addAll(java.util.List.of(args));
        return LauncherRun.of(new ProcessBuilder(command).directory(copy.root().toFile()), Duration.ofMinutes(3));
    }

    @Test
    @DisplayName("2 without a command, or with one it does not know: the usage, nothing run")
    void usage() {
        LauncherRun none = launcher(Map.of());
        assertThat(none.exit()).as(none.said()).isEqualTo(2);
        assertThat(none.stderr()).contains("usage: zombielab reproduce", "zombielab test", "exit codes:");
        LauncherRun unknown = launcher(Map.of(), "frobnicate");
        assertThat(unknown.exit()).as(unknown.said()).isEqualTo(2);
        assertThat(unknown.stderr()).contains("unknown command 'frobnicate'");
    }

    @Test
    @DisplayName("3 when no engine answers where DOCKER_HOST points, in seconds, before any setup")
    void noEngine() {
        LauncherRun run = launcher(Map.of("DOCKER_HOST", "tcp://127.0.0.1:1"), "reproduce");
        assertThat(run.exit()).as(run.said()).isEqualTo(3);
        assertThat(run.stderr())
                .contains("DOCKER_HOST=tcp://127.0.0.1:1 does not answer")
                .doesNotContain("Base image");
        assertThat(run.took()).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    @DisplayName("2 for a bad option of the harness itself (a shard that does not exist)")
    void badShard() {
        LauncherRun run = launcher(Map.of(), "matrix", "--shard", "5/4");
        assertThat(run.exit()).as(run.said()).isEqualTo(2);
        assertThat(run.stderr()).contains("--shard: a shard is K/N with 1 <= K <= N, not 5/4");
    }

    @Test
    @DisplayName(
            "1 when a cell does not hold: a wrong expectation of the story's stage 1, with the table that broke it")
    void cellDoesNotHold() throws Exception {
        Path wrong = copy.root().resolve("wrong-expectation.yaml");
        Files.writeString(wrong, """
                scenarios:
                  - name: "stage 1 expected to leave zombies (it does not)"
                    reaper: none
                    kill: pid-kill
                    cycles: 1
                    expect: {zombies-per-cycle: 2}
                """);
        LauncherRun run = launcher(Map.of(), "matrix", wrong.getFileName().toString());
        assertThat(run.exit()).as(run.said()).isEqualTo(1);
        assertThat(run.stdout()).contains("FAIL zombies: expected 2, observed 0", "process table after cycle 1");
    }

    @Test
    @DisplayName("0 when every cell holds, and its run's containers (sidecars too) are gone afterwards")
    void allHold() {
        LauncherRun run = launcher(
                Map.of("ZOMBIELAB_PROBE", "universal"), "matrix", "--json", "--reaper", "tini", "scenarios/story.yaml");
        assertThat(run.exit()).as(run.said()).isZero();
        ReportJson report = ReportJson.parse(run.stdout());
        report.assertAllHold("tini's cells of the story");
        assertThat(report.cells()).hasSize(2);
        String runId = String.valueOf(report.top().get("runId"));
        assertThat(DockerEngine.client(Settings.fromEnvironment().engine())
                        .listContainersCmd()
                        .withShowAll(true)
                        .withLabelFilter(Map.of(Labels.RUN, runId))
                        .exec())
                .as("containers of run " + runId)
                .isEmpty();
    }
}
