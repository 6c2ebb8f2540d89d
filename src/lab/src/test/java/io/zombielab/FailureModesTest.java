package io.zombielab;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import io.zombielab.engine.DockerEngine;
import io.zombielab.image.Labels;
import io.zombielab.image.ProjectLayout;
import io.zombielab.testing.TempTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Each way a run can break gives one message that names the cell and the cause; the run goes on with the
 * other cells and counts the broken one as an error or a failure, never as a pass; nothing is left running.
 */
@DisplayName("Clear failures")
@Tag("container")
class FailureModesTest {

    private static final DockerClient DOCKER =
            DockerEngine.client(Settings.fromEnvironment().engine());

    private static List<String> containersOf(String run) {
        return DOCKER.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(Labels.RUN, run)).exec().stream()
                .map(c -> c.getId())
                .toList();
    }

    private static void removeContainersOf(String run) {
        containersOf(run)
                .forEach(id -> DOCKER.removeContainerCmd(id).withForce(true).exec());
    }

    /** A run id of this test's own: no other run's containers are ever counted or removed. */
    private static String runId(String what) {
        return System.getenv("ZOMBIELAB_RUN_ID") + "-" + what;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text) {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(text);
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("one run with a cell whose image does not build, one OOM-killed, one that times out, one sound")
    class BrokenCells {

        private final String run = runId("broken-cells");
        private List<String> containersBefore;
        private Path checkout;
        private int exit;
        private String stderr;
        private Map<String, Object> report;

        @BeforeAll
        void runTheMatrix() throws IOException {
            containersBefore = allContainers();
            checkout = copyOfTheCheckoutWithABrokenTiniImage();
            Path cells = checkout.resolve("scenarios").resolve("broken.yaml");
            Files.createDirectories(cells.getParent());
            Files.writeString(cells, """
                    defaults: {supervisor: go, cycles: 2}
                    scenarios:
                      - name: "broken: its image does not build"
                        reaper: tini
                        kill: pgid-term
                      - name: "broken: OOM-killed in cycle 2"
                        reaper: none
                        kill: pid-kill
                        limits: {memory-mib: 200}
                      # Its zombies count only once they have been zombies for 500 ms: it cannot settle in 100.
                      - name: "broken: settles slower than its limit"
                        reaper: none
                        kill: pgid-term
                        limits: {settle-timeout-ms: 100}
                        cycles: 1
                      - name: "sound: stage 3, after the broken ones"
                        reaper: docker-init
                        kill: pgid-term
                    """);
            try (HarnessProcess harness = HarnessProcess.start(
                    Map.of("ZOMBIELAB_RUN_ID", run),
                    List.of("-Dzombielab.home=" + checkout),
                    "matrix",
                    "--json",
                    cells.toString())) {
                exit = harness.awaitExit(Duration.ofMinutes(3));
                stderr = harness.stderr();
                report = json(harness.stdout());
            }
        }

        /** The checkout's fixtures and Dockerfiles (same content, so the same fixtures image), tini's broken. */
        private Path copyOfTheCheckoutWithABrokenTiniImage() throws IOException {
            Path copy = Files.createTempDirectory("zombielab-broken-checkout");
            ProjectLayout here = Settings.fromEnvironment().places().layout();
            for (Path file : ProjectLayout.sourceFiles(here.fixtures())) {
                Path to = copy.resolve("fixtures")
                        .resolve(here.fixtures().relativize(file).toString());
                Files.createDirectories(to.getParent());
                Files.copy(file, to);
            }
            Path dockerfiles = here.root().resolve("dockerfiles");
            for (Path file : ProjectLayout.sourceFiles(dockerfiles)) {
                Path to = copy.resolve("dockerfiles")
                        .resolve(dockerfiles.relativize(file).toString());
                Files.createDirectories(to.getParent());
                Files.copy(file, to);
            }
            Files.writeString(
                    copy.resolve("dockerfiles/reaper-tini.Dockerfile"),
                    "RUN echo 'this build step fails on purpose' && exit 3\n",
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
            return copy;
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> cell(String listName, String name) {
            return ((List<Map<String, Object>>) report.get(listName))
                    .stream()
                            .filter(c -> name.equals(c.get("name")))
                            .findFirst()
                            .orElseThrow(() -> new AssertionError("no cell '" + name + "' in " + listName
                                    + " of the report; the harness said:\n" + stderr));
        }

        @AfterAll
        void removeWhatItMade() {
            removeContainersOf(run);
            if (checkout != null) {
                TempTree.delete(checkout);
            }
        }

        @Test
        @DisplayName("an image that does not build: the cell is an error naming the image and the failing step")
        void imageBuildFails() {
            assertThat(cell("errors", "broken: its image does not build").get("cause"))
                    .asString()
                    .startsWith("building image zombielab/reaper-tini:")
                    .contains("failed")
                    .contains("returned a non-zero code: 3");
            assertThat(stderr).contains("cell 1 of 4: ERROR building image zombielab/reaper-tini:");
        }

        @Test
        @DisplayName("a container OOM-killed: the cell fails, saying which cycle and what the kernel killed")
        void oomKilled() {
            Map<String, Object> oom = cell("verdicts", "broken: OOM-killed in cycle 2");
            assertThat(oom.get("holds")).as(stderr).isEqualTo(false);
            assertThat(oom.get("endedEarly")).asString().contains("cycle 2: the kernel's OOM killer killed");
            assertThat(oom.get("cyclesCompleted")).isEqualTo(1);
        }

        @Test
        @DisplayName("a cell that times out: an error naming what it waited for, how long, and the process table")
        void timesOut() {
            assertThat(cell("errors", "broken: settles slower than its limit").get("cause"))
                    .asString()
                    .contains("waited 100 ms for cycle 1 to settle; still pending:")
                    .contains("zl-c1-L1");
        }

        @Test
        @DisplayName("the run goes on: the sound cell after them holds, and the run exits 1, not 0")
        void runGoesOn() {
            assertThat(cell("verdicts", "sound: stage 3, after the broken ones").get("holds"))
                    .as(stderr)
                    .isEqualTo(true);
            assertThat(report)
                    .containsEntry("cells", 4)
                    .containsEntry("holding", 1)
                    .containsEntry("allHold", false);
            assertThat(exit).as(stderr).isEqualTo(1);
        }

        private List<String> allContainers() {
            return DOCKER.listContainersCmd().withShowAll(true).exec().stream()
                    .map(c -> c.getId())
                    .toList();
        }

        @Test
        @DisplayName(
                "nothing is left: no container of the run, none of the failed build, and the reports say what could not run")
        void nothingLeft() throws IOException {
            assertThat(containersOf(run)).isEmpty();
            // A failed build step's container carries the image's labels but no run id: any new one is it
            // (containers of other runs going on meanwhile carry theirs).
            assertThat(DOCKER.listContainersCmd().withShowAll(true).exec().stream()
                            .filter(c -> !containersBefore.contains(c.getId()))
                            .filter(c -> c.getLabels() == null || !c.getLabels().containsKey(Labels.RUN))
                            .map(c -> c.getId().substring(0, 12) + " " + c.getStatus() + " " + c.getLabels()))
                    .as("containers left by the failed build")
                    .isEmpty();
            assertThat(Files.readString(checkout.resolve("target/zombielab-report/matrix.md")))
                    .contains("**could not run**: scenario broken: its image does not build [tini/go/pgid-term]")
                    .contains("**could not run**: scenario broken: settles slower than its limit [none/go/pgid-term]");
        }
    }

    @Test
    @DisplayName("no engine at the start: exit 3 with where it looked, before any cell")
    void engineAbsent() throws Exception {
        try (HarnessProcess harness = HarnessProcess.start(
                Map.of("DOCKER_HOST", "tcp://127.0.0.1:1"), List.of(), "matrix", "scenarios/story.yaml")) {
            assertThat(harness.awaitExit(Duration.ofSeconds(30))).isEqualTo(3);
            assertThat(harness.stderr())
                    .contains("ERROR: no Docker engine answers at DOCKER_HOST=tcp://127.0.0.1:1")
                    .doesNotContain("cell 1 of");
        }
    }

    @Test
    @DisplayName(
            "the engine stops mid-run: the cell it was in and every cell after it are errors saying so; the run ends by itself")
    void engineStopsMidRun() throws Exception {
        String run = runId("engine-stops");
        try (EngineProxy engine = new EngineProxy(Path.of("/var/run/docker.sock"));
                HarnessProcess harness = HarnessProcess.start(
                        Map.of("DOCKER_HOST", engine.dockerHost(), "ZOMBIELAB_RUN_ID", run),
                        List.of(),
                        "matrix",
                        "--json",
                        "scenarios/story.yaml")) {
            harness.awaitSaid("cycle 1 of 3 settled", Duration.ofSeconds(90));
            // What a stopped engine does: its API goes away and its containers die with it.
            engine.stop();
            containersOf(run).forEach(id -> DOCKER.killContainerCmd(id).exec());

            assertThat(harness.awaitExit(Duration.ofSeconds(90)))
                    .as(harness.stderr())
                    .isEqualTo(1);
            Map<String, Object> report = json(harness.stdout());
            assertThat(report).containsEntry("cells", 6).containsEntry("holding", 0);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> errors = (List<Map<String, Object>>) report.get("errors");
            assertThat(errors).hasSize(6).allSatisfy(e -> assertThat(e.get("cause"))
                    .asString()
                    .startsWith("the Docker engine stopped answering (DOCKER_HOST=" + engine.dockerHost() + ")"));
            assertThat(harness.stderr())
                    .contains(
                            "cell 1 of 6: ERROR the Docker engine stopped answering",
                            "cell 6 of 6: ERROR the Docker engine stopped answering");
            // One line per cell and the summary: no thread of a library dies aloud with its stack trace.
            assertThat(harness.stderr())
                    .as("what the harness said when its engine went away")
                    .doesNotContain("Exception in thread")
                    .doesNotContainPattern("(?m)^\\s+at ");
        } finally {
            removeContainersOf(run);
        }
    }

    @Test
    @DisplayName(
            "the base image cannot be made: the launcher stops before any cell, exit 3, saying which step failed and where its log is")
    void baseImageBuildFails() throws Exception {
        // A copy of the launcher whose base recipe differs by a comment: a tag never built, made from a mirror
        // that is not there.
        Path copy = Files.createTempDirectory("zombielab-no-base");
        try {
            launchWithoutABaseImage(copy);
        } finally {
            TempTree.delete(copy);
        }
    }

    private static void launchWithoutABaseImage(Path copy) throws Exception {
        Path root = Settings.fromEnvironment().places().layout().root();
        for (String file : List.of("zombielab", "docs/usage.txt", "dockerfiles/base/packages.txt")) {
            Files.createDirectories(copy.resolve(file).getParent());
            Files.copy(root.resolve(file), copy.resolve(file), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
        try (var scripts = Files.list(root.resolve("scripts/lib"))) {
            Files.createDirectories(copy.resolve("scripts/lib"));
            for (Path s : scripts.toList()) {
                Files.copy(s, copy.resolve("scripts/lib").resolve(s.getFileName()));
            }
        }
        Files.writeString(
                copy.resolve("dockerfiles/base/packages.txt"),
                "# failure test " + System.nanoTime() + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        ProcessBuilder launcher =
                new ProcessBuilder(copy.resolve("zombielab").toString(), "matrix").redirectErrorStream(true);
        // Where a registry answers (a CI runner), the pull would succeed: the test goes the offline way.
        launcher.environment().put("ZOMBIELAB_NO_PULL", "1");
        launcher.environment().put("ZOMBIELAB_DEBIAN_MIRROR", "http://127.0.0.1:1/debian");
        Process p = launcher.start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor())
                .as("exit 3: the environment (here, the base image) is not ready\n" + said)
                .isEqualTo(3);
        assertThat(said)
                .contains("ZOMBIELAB_NO_PULL=1: making Debian from its packages.")
                .contains(
                        root()
                                ? "[zombielab] ERROR: debootstrap failed (logs: /var/tmp/zombielab-debootstrap*.log)"
                                // Not root: debootstrap cannot run at all; that is the step that fails.
                                : "[zombielab] ERROR: the base image must be built with debootstrap, which needs root.")
                .doesNotContain("Building with Maven")
                .doesNotContain("cell 1 of");
        try (var left = Files.list(Path.of("/var/tmp"))) {
            assertThat(left.map(Path::toString).filter(f -> f.contains("zombielab-rootfs")))
                    .as("debootstrap's rootfs")
                    .isEmpty();
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }
}
