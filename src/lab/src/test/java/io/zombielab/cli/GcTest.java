package io.zombielab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gc removes what zombielab left, children first, and says what it could not remove. Only ever narrowed to this test's
 * own run id here: an unnarrowed gc would remove every labelled container and image of the shared engine (other runs',
 * the base image). What another run id carries is the control that must be kept.
 */
@Tag("container")
@DisplayName("zombielab gc --run-id")
class GcTest {

    private final String run = "gc-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    private final String other = run + "-other";
    private final List<String> images = new ArrayList<>();
    private final List<String> containers = new ArrayList<>();

    @TempDir
    Path context;

    /** An image labelled as zombielab's, of run {@code runId}, on {@code from} (the base image, or another of these). */
    private String build(String name, String from, String runId) {
        String tag = "zombielab/test-gc-" + name + ":" + ProcessHandle.current().pid();
        images.add(0, tag); // removed children first
        DockerCli.ok(
                "build",
                "-q",
                "--label",
                "io.zombielab=true",
                "--label",
                "io.zombielab.kind=test",
                "--label",
                "io.zombielab.run=" + runId,
                "--build-arg",
                "FROM=" + from,
                "-t",
                tag,
                context.toString());
        return tag;
    }

    private String container(String image, String runId, boolean running) {
        List<String> args = new ArrayList<>(List.of(running ? "run" : "create"));
        if (running) {
            args.add("-d");
        }
        args.addAll(List.of(
                "--label",
                "io.zombielab=true",
                "--label",
                "io.zombielab.kind=test",
                "--label",
                "io.zombielab.run=" + runId,
                "--memory",
                "32m",
                "--pids-limit",
                "16",
                "--read-only",
                image,
                "sleep",
                "infinity"));
        String id = DockerCli.ok(args.toArray(String[]::new));
        containers.add(id);
        return id;
    }

    private static boolean exists(String what, String idOrName) {
        return DockerCli.run(what, "inspect", idOrName).code() == 0;
    }

    @BeforeEach
    void dockerfile() throws IOException {
        assertThat(System.getenv("ZOMBIELAB_BASE_IMAGE"))
                .as("the base image (./zombielab test sets it)")
                .isNotBlank();
        Files.writeString(context.resolve("Dockerfile"), "ARG FROM\nFROM ${FROM}\n");
    }

    @AfterEach
    void removeWhatIsLeft() {
        containers.forEach(c -> DockerCli.run("rm", "-f", c));
        images.forEach(i -> DockerCli.run("rmi", "-f", i));
    }

    @Test
    @DisplayName(
            "removes the run's containers and its images (a child before its parent); another run's and the base image stay")
    void removesOnlyTheRun() {
        String parent = build("parent", System.getenv("ZOMBIELAB_BASE_IMAGE"), run);
        String child = build("child", parent, run);
        String mine = container(child, run, false);
        String otherImage = build("other", System.getenv("ZOMBIELAB_BASE_IMAGE"), other);
        String otherContainer = container(otherImage, other, false);

        Console console = new Console();
        int code = console.run("gc", "--run-id", run);
        String said = console.out() + console.err();

        assertThat(code).as(said).isEqualTo(ExitCode.OK);
        assertThat(console.out())
                .as(said)
                .contains("gc: removed 1 container(s) and 2 image(s) labelled io.zombielab=true and "
                        + "io.zombielab.run=" + run + "; none is left");
        assertThat(exists("container", mine)).as("the run's container").isFalse();
        assertThat(exists("image", child)).as("the run's child image").isFalse();
        assertThat(exists("image", parent)).as("the run's parent image").isFalse();
        assertThat(exists("container", otherContainer))
                .as("another run's container (negative control)")
                .isTrue();
        assertThat(exists("image", otherImage))
                .as("another run's image (negative control)")
                .isTrue();
        assertThat(exists("image", System.getenv("ZOMBIELAB_BASE_IMAGE")))
                .as("the base image (no run label)")
                .isTrue();
    }

    @Test
    @DisplayName(
            "an image a running container of another run uses cannot go: exit 1, naming it and the engine's reason")
    void saysWhatItCouldNotRemove() {
        String used = build("used", System.getenv("ZOMBIELAB_BASE_IMAGE"), run);
        container(used, other, true);

        Console console = new Console();
        int code = console.run("gc", "--run-id", run);
        String said = console.out() + console.err();

        assertThat(code).as(said).isEqualTo(ExitCode.FAILED);
        assertThat(console.err())
                .as(said)
                .contains(
                        "ERROR: gc: could not remove image ",
                        "(" + used + ")",
                        "running container",
                        "gc: 1 left labelled io.zombielab=true and io.zombielab.run=" + run);
        assertThat(exists("image", used)).isTrue();
    }
}
