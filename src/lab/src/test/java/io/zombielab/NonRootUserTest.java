package io.zombielab;

import static org.assertj.core.api.Assertions.assertThat;

import io.zombielab.scenario.FamilyCell;
import io.zombielab.scenario.FamilyFiles;
import io.zombielab.scenario.Measure;
import io.zombielab.scenario.Reaper;
import io.zombielab.scenario.Scenario;
import io.zombielab.scenario.ScenarioFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Where CI runs it: a user who is not root, in the docker group, who cannot read the containers' processes'
 * environments on this host (they belong to root). The launcher, as that user, from a built copy of the
 * checkout with a clean environment, must install nothing, choose the universal probe by itself, and hold
 * the same cells the host probe holds as root: the story's six, and every cell that leaves zombies.
 */
@DisplayName("As a non-root user in the docker group (a CI runner)")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("container")
class NonRootUserTest {

    /** The reapers whose cells may leave zombies: those that reap nothing (none, and pod: the supervisor is PID 1). */
    private static final String NON_REAPING = Arrays.stream(Reaper.values())
            .filter(r -> !r.reapsAdoptedOrphans())
            .map(Reaper::id)
            .collect(Collectors.joining(","));

    private TestUser user;
    private CheckoutCopy copy;

    @BeforeAll
    void aUserAndTheirCopy() {
        user = TestUser.nonRoot();
        copy = CheckoutCopy.of(Settings.fromEnvironment().places().layout().root());
        user.own(copy.root());
    }

    @AfterAll
    void removeThem() {
        if (copy != null) {
            copy.close();
        }
        if (user != null) {
            user.close();
        }
    }

    private LauncherRun launcher(Map<String, String> env, String... args) {
        String[] command =
                Stream.concat(Stream.of("./zombielab"), Stream.of(args)).toArray(String[]::new);
        return LauncherRun.of(user.command(copy.root(), env, command), Duration.ofMinutes(10));
    }

    @Test
    @DisplayName("the launcher installs nothing and runs the story: 6 of 6 cells hold, observed by the universal probe")
    void story() {
        LauncherRun run = launcher(Map.of(), "matrix", "--json", "--parallel", "2", "scenarios/story.yaml");

        assertThat(run.exit()).as(run.said()).isZero();
        assertInstalledNothing(run);
        ReportJson report = ReportJson.parse(run.stdout());
        report.assertAllHold("the story as " + user.name());
        assertThat(report.cells()).hasSize(6);
        assertThat(report.observedBy()).as("the probe it chose by itself").startsWith("universal probe");
        assertThat(report.zombies("none/go/pgid-term"))
                .as("stage 2's zombies")
                .isEqualTo(Map.of("observed", 6, "expected", 6));
    }

    @Test
    @DisplayName(
            "every cell that leaves zombies holds (the reapers that do not reap, none and a default pod, over every scenario file and every family whose cells leave zombies), as with the host probe")
    void everyZombieLeavingCell() throws IOException {
        List<String> args =
                new java.util.ArrayList<>(List.of("matrix", "--json", "--parallel", "2", "--reaper", NON_REAPING));
        args.addAll(scenarioFiles());
        args.addAll(zombieLeavingFamilies());
        LauncherRun run = launcher(Map.of(), args.toArray(String[]::new));

        assertThat(run.exit()).as(run.said()).isZero();
        ReportJson report = ReportJson.parse(run.stdout());
        report.assertAllHold("the cells of " + NON_REAPING + " as " + user.name());
        assertThat(report.observedBy()).startsWith("universal probe");
        List<String> ran = report.cells().stream()
                .map(c -> c.get("id") + " " + c.get("name"))
                .toList();
        assertThat(ran)
                .as("every zombie-leaving cell of the default matrix ran")
                .containsAll(zombieLeavingCells());
    }

    @Test
    @DisplayName("with no engine where DOCKER_HOST points: exit 3, saying so, before anything else")
    void noEngine() {
        LauncherRun run =
                launcher(Map.of("DOCKER_HOST", "unix:///nonexistent/docker.sock"), "matrix", "scenarios/story.yaml");

        assertThat(run.exit()).as(run.said()).isEqualTo(3);
        assertThat(run.stderr()).contains("DOCKER_HOST=unix:///nonexistent/docker.sock does not answer");
        assertInstalledNothing(run);
    }

    /** Every scenarios/*.yaml, as the launcher's copy names them. */
    private static List<String> scenarioFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
            return files.filter(f -> f.toString().endsWith(".yaml"))
                    .map(Path::toString)
                    .sorted()
                    .toList();
        }
    }

    /**
     * The family files with a cell whose expectation is zombies (one that does not admit 0): what the universal
     * probe must count as this user. The other families measure stop times, exit codes or memory (package managers,
     * the Redis neighbour), and their cells under {@code none} would only lengthen the run.
     */
    static List<String> zombieLeavingFamilies() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("scenarios/families"))) {
            List<String> chosen = files.filter(f -> f.toString().endsWith(".yaml"))
                    .sorted()
                    .filter(f -> FamilyFiles.load(List.of(f)).stream()
                            .flatMap(family -> family.cells().stream())
                            .anyMatch(NonRootUserTest::leavesZombies))
                    .map(Path::toString)
                    .toList();
            assertThat(chosen)
                    .as("families whose cells leave zombies")
                    .contains(
                            "scenarios/families/exec-probe.yaml",
                            "scenarios/families/runtime-pid1.yaml",
                            "scenarios/families/headless-chromium.yaml");
            return chosen;
        }
    }

    private static boolean leavesZombies(FamilyCell cell) {
        return Stream.of(Measure.ZOMBIES, Measure.ZOMBIES_PER_RUN)
                .map(cell.expect()::get)
                .anyMatch(expected -> expected != null && !expected.admits(0));
    }

    /** The cells whose expectation is zombies, of every scenarios/*.yaml: all of them are of reapers that reap nothing. */
    static List<String> zombieLeavingCells() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
            List<Scenario> all = ScenarioFiles.load(
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList());
            List<Scenario> zombies = all.stream()
                    .filter(c -> c.expectation().zombiesPerCycle() > 0)
                    .toList();
            assertThat(zombies)
                    .as("cells that leave zombies")
                    .hasSizeGreaterThanOrEqualTo(7)
                    .allSatisfy(c -> assertThat(c.reaper().reapsAdoptedOrphans())
                            .as(c.id())
                            .isFalse());
            return zombies.stream().map(c -> c.id() + " " + c.name()).toList();
        }
    }

    private static void assertInstalledNothing(LauncherRun run) {
        assertThat(run.stderr()).as(run.said()).doesNotContain("installing", "Building with Maven", "debootstrap");
        if (run.exit() == 0) {
            assertThat(run.stderr()).contains("Docker engine: answering", "Build: up to date");
        }
    }
}
