package io.zombielab;

import static org.assertj.core.api.Assertions.assertThat;

import io.zombielab.cli.ReleaseDocs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * zombielab for people who will not build it: the release archive, unpacked in a fresh folder by a user who is not
 * root (in the docker group, as a CI runner), run from another folder with a clean environment whose PATH gives
 * Java and bash only: no Maven, no Maven repository, no Go, no docker CLI, no checkout. validate judges an image;
 * the story holds 6 of 6; doctor says what is there and what is missing; gc removes one run's containers.
 */
@Tag("container")
@DisplayName("The release archive, as a non-root user with only Java and an engine")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchiveTest {

    private TestUser user;
    private ReleaseArchive archive;
    private Path work;
    private Path javaOnly;
    private String app;

    @BeforeAll
    void unpackIt() {
        user = TestUser.nonRoot();
        archive = ReleaseArchive.unpackedFor(user);
        work = archive.newFolder("work");
        javaOnly = archive.javaOnlyPath();
        user.own(work);
        // An app as it ships with an init at PID 1: tini, then a program that waits.
        app = TestImages.build(
                "zombielab/test-archive-app:" + ProcessHandle.current().pid(),
                "ENTRYPOINT [\"/usr/bin/tini\", \"--\"]",
                "CMD [\"sleep\", \"infinity\"]");
    }

    @AfterAll
    void removeIt() {
        if (app != null) {
            TestImages.remove(app);
        }
        if (archive != null) {
            archive.close();
        }
        if (user != null) {
            user.close();
        }
    }

    /** bin/zombielab of the unpacked archive, from the work folder, as the user, with PATH=java and bash only. */
    private LauncherRun zombielab(String... args) {
        String[] command = Stream.concat(
                        Stream.of(archive.home().resolve("bin/zombielab").toString()), Stream.of(args))
                .toArray(String[]::new);
        return LauncherRun.of(user.command(work, Map.of("PATH", javaOnly.toString()), command), Duration.ofMinutes(10));
    }

    @Test
    @DisplayName(
            "bin/zombielab validate --image judges an image as it ships (tini at PID 1: both promises kept), writing its JUnit XML where the user stands")
    void validateJudgesAnImage() throws Exception {
        // A bound a busy machine keeps: what is judged is tini's reaping and stopping, not the machine's speed.
        LauncherRun run = zombielab("validate", "--image", app, "--latency-bound", "3s", "--junit", "validate.xml");

        assertThat(run.exit())
                .as("validate of %s as %s\n%s", app, user.name(), run.said())
                .isZero();
        assertThat(run.stdout())
                .as(run.said())
                .containsPattern("reaps-orphans +kept +reaped every orphan")
                .containsPattern("stops-gracefully +kept")
                .contains("observed by the universal probe", "GOOD: 2 of 2 judged promises kept");
        assertThat(work.resolve("validate.xml"))
                .as("--junit validate.xml, relative to where the user stands")
                .isRegularFile();
        assertThat(Files.readString(work.resolve("validate.xml"))).contains("tests=\"2\"", "failures=\"0\"");
    }

    @Test
    @DisplayName("--help and --version answer for every command (and none), with no engine where DOCKER_HOST points")
    void helpAndVersionForEveryCommand() throws Exception {
        List<String> commands = new ArrayList<>(ReleaseDocs.commands());
        commands.add(0, "");
        Map<String, String> noEngine =
                Map.of("PATH", javaOnly.toString(), "DOCKER_HOST", "unix:///nonexistent/docker.sock");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Map<String, Future<LauncherRun>> runs = new LinkedHashMap<>();
            for (String command : commands) {
                for (String option : List.of("--help", "--version")) {
                    List<String> argv = new ArrayList<>(
                            List.of(archive.home().resolve("bin/zombielab").toString()));
                    if (!command.isEmpty()) {
                        argv.add(command);
                    }
                    argv.add(option);
                    runs.put(
                            (command + " " + option).trim(),
                            pool.submit(() -> LauncherRun.of(
                                    user.command(work, noEngine, argv.toArray(String[]::new)), Duration.ofMinutes(2))));
                }
            }
            for (Map.Entry<String, Future<LauncherRun>> entry : runs.entrySet()) {
                LauncherRun run = entry.getValue().get();
                String said = "bin/zombielab " + entry.getKey() + "\n" + run.said();
                assertThat(run.exit()).as(said).isZero();
                if (entry.getKey().endsWith("--version")) {
                    assertThat(run.stdout()).as(said).isEqualTo("zombielab " + ReleaseArchive.version() + "\n");
                } else {
                    String command = entry.getKey().replace("--help", "").trim();
                    assertThat(run.stdout() + run.stderr())
                            .as(said)
                            .containsIgnoringCase("usage: zombielab " + command);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** bin/zombielab ARGS as the user, with {@code env} besides PATH=java and bash only. */
    private LauncherRun zombielabWith(Map<String, String> env, String... args) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("PATH", javaOnly.toString());
        String[] command = Stream.concat(
                        Stream.of(archive.home().resolve("bin/zombielab").toString()), Stream.of(args))
                .toArray(String[]::new);
        return LauncherRun.of(user.command(work, all, command), Duration.ofMinutes(2));
    }

    @Test
    @DisplayName(
            "bin/zombielab doctor: ready (engine, the recorded base image, the universal probe for a non-root user); "
                    + "no engine or no base image: MISSING with how to get it, exit 3")
    void doctor() {
        LauncherRun ready = zombielab("doctor");
        assertThat(ready.exit()).as(ready.said()).isZero();
        assertThat(ready.stdout())
                .as(ready.said())
                .contains(
                        "ok       engine           answering: ",
                        "ok       probe            universal: ",
                        "; not root",
                        "ok       base image       " + TestImages.base(),
                        "ok       home             " + archive.home(),
                        "\nready:")
                .doesNotContain("MISSING", "launcher's");

        LauncherRun noEngine = zombielabWith(Map.of("DOCKER_HOST", "unix:///nonexistent/docker.sock"), "doctor");
        assertThat(noEngine.exit()).as(noEngine.said()).isEqualTo(3);
        assertThat(noEngine.stdout())
                .as(noEngine.said())
                .contains(
                        "MISSING  engine           DOCKER_HOST=unix:///nonexistent/docker.sock does not answer",
                        "not ready");

        LauncherRun noBase = zombielabWith(Map.of("ZOMBIELAB_BASE_IMAGE", "zombielab/base:not-made-here"), "doctor");
        assertThat(noBase.exit()).as(noBase.said()).isEqualTo(3);
        assertThat(noBase.stdout())
                .as(noBase.said())
                .contains("MISSING  base image       zombielab/base:not-made-here is not on "
                        + "the engine: make it once with " + archive.home().resolve("bin/zombielab-base"));
    }

    @Test
    @DisplayName(
            "bin/zombielab gc --run-id ID removes that run's container as the user; another run's stays (never an unnarrowed gc here)")
    void gcOfOneRun() {
        String run = "archive-gc-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        List<String> created = new ArrayList<>();
        try {
            for (String id : List.of(run, run + "-other")) {
                created.add(ReleaseArchive.run(List.of(
                                "docker",
                                "create",
                                "--label",
                                "io.zombielab=true",
                                "--label",
                                "io.zombielab.kind=test",
                                "--label",
                                "io.zombielab.run=" + id,
                                "--memory",
                                "32m",
                                "--pids-limit",
                                "16",
                                "--read-only",
                                app))
                        .trim());
            }
            LauncherRun gc = zombielab("gc", "--run-id", run);
            assertThat(gc.exit()).as(gc.said()).isZero();
            assertThat(gc.stdout())
                    .as(gc.said())
                    .contains("gc: removed 1 container(s) and 0 image(s) labelled io.zombielab=true "
                            + "and io.zombielab.run=" + run + "; none is left");
            assertThat(ReleaseArchive.run(
                            List.of("docker", "ps", "-aq", "--no-trunc", "--filter", "label=io.zombielab.run=" + run)))
                    .as("the run's container")
                    .isBlank();
            assertThat(ReleaseArchive.run(List.of(
                            "docker",
                            "ps",
                            "-aq",
                            "--no-trunc",
                            "--filter",
                            "label=io.zombielab.run=" + run + "-other")))
                    .as("another run's container (negative control)")
                    .contains(created.get(1));
        } finally {
            created.forEach(TestImages::removeContainer);
        }
    }

    @Test
    @DisplayName("bin/zombielab reproduce holds the story's 6 of 6 cells, its reports in ./zombielab-report")
    void reproduceHoldsTheStory() {
        LauncherRun run = zombielab("reproduce", "--json", "--parallel", "2");

        assertThat(run.exit()).as(run.said()).isZero();
        ReportJson report = ReportJson.parse(run.stdout());
        report.assertAllHold("the story from the archive as " + user.name());
        assertThat(report.cells()).as(run.said()).hasSize(6);
        assertThat(report.observedBy()).startsWith("universal probe");
        assertThat(report.zombies("none/go/pgid-term"))
                .as("stage 2's zombies")
                .isEqualTo(Map.of("observed", 6, "expected", 6));
        assertThat(work.resolve("zombielab-report/report.html"))
                .as("the reports, where the user stands")
                .isRegularFile();
    }
}
