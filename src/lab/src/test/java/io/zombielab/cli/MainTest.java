package io.zombielab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's answers to bad input, which come before any engine is asked. */
class MainTest {

    private final Console console = new Console();

    private int run(String... args) {
        return console.run(args);
    }

    private String err() {
        return console.err();
    }

    @Test
    @Tag("unit")
    @DisplayName("a malformed scenario file: exit 2, every problem with file:line, nothing run, no usage text")
    void malformedScenarioFile() {
        assertThat(run("matrix", "src/lab/src/test/resources/scenarios-malformed/three-problems.yaml"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err())
                .contains(
                        "three-problems.yaml:3: scenarios[0].kill: unknown kill strategy 'sigkill'",
                        "three-problems.yaml:4: scenarios[0].cycles: must be between 1 and 1000, found -1",
                        "nothing was run.")
                .doesNotContain("usage:");
    }

    @Test
    @Tag("unit")
    @DisplayName("matrix --scenarios FILE reads FILE, as matrix FILE does")
    void scenariosOption() {
        assertThat(run("matrix", "--scenarios", "src/lab/src/test/resources/scenarios-malformed/three-problems.yaml"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err()).contains("three-problems.yaml:3:").doesNotContain("unknown option");
    }

    @Test
    @Tag("unit")
    @DisplayName("an unknown command: exit 2, named, with the usage text")
    void unknownCommand() {
        assertThat(run("reproduec")).isEqualTo(ExitCode.USAGE);
        assertThat(err()).contains("unknown command 'reproduec'", "usage: zombielab reproduce");
        assertThat(console.out()).isEmpty();
    }

    @Test
    @Tag("unit")
    @DisplayName("--reaper with a name that is no reaper: exit 2, the name and the known ones")
    void unknownReaperOption() {
        assertThat(run("matrix", "--reaper", "tiny", "scenarios/story.yaml")).isEqualTo(ExitCode.USAGE);
        assertThat(err()).contains("--reaper: unknown reaper 'tiny' (known: [none, tini");
    }

    @Test
    @Tag("unit")
    @DisplayName("--reaper that leaves no cell: exit 2 and nothing run, rather than an empty matrix")
    void filterLeavesNothing() {
        assertThat(run("matrix", "--reaper", "java", "scenarios/story.yaml")).isEqualTo(ExitCode.USAGE);
        assertThat(err()).contains("has a reaper in [java]", "nothing was run.");
    }

    @Test
    @Tag("unit")
    @DisplayName(
            "validate with a pod: exit 2, saying pause is no init in the container, what runs its cells and which inits validate takes")
    void validateRefusesAPod() {
        assertThat(run("validate", "--reaper", "pod-shared")).isEqualTo(ExitCode.USAGE);
        assertThat(err())
                .contains(
                        "reaper 'pod-shared' is no init in front of the program in its container",
                        "`zombielab matrix --reaper pod-shared` runs its cells",
                        "name one of [tini, tini-group, docker-init, dumb-init, catatonit, java]");
    }

    @Test
    @Tag("unit")
    @DisplayName(
            "ZOMBIELAB_FLEET_SHARD, from the settings the command was given: a wrong one and an empty one, exit 2 before any engine")
    void fleetShardFromTheSettings() {
        Console wrong = new Console(
                io.zombielab.Settings.of(java.util.Map.of("ZOMBIELAB_FLEET_SHARD", "two"), System.getProperties()));
        assertThat(wrong.run("validate", "--image", "a:1", "--image", "b:1")).isEqualTo(ExitCode.USAGE);
        assertThat(wrong.err()).contains("ZOMBIELAB_FLEET_SHARD needs K/N (job K of N, e.g. 2/4), not 'two'");
        Console past = new Console(
                io.zombielab.Settings.of(java.util.Map.of("ZOMBIELAB_FLEET_SHARD", "3/3"), System.getProperties()));
        assertThat(past.run("validate", "--image", "a:1", "--image", "b:1")).isEqualTo(ExitCode.USAGE);
        assertThat(past.err()).contains("fleet shard 3/3 of 2 images is empty: use fewer shards");
    }

    @Test
    @Tag("unit")
    @DisplayName("--quiet and --json together: exit 2, saying they exclude each other")
    void quietAndJson() {
        assertThat(run("validate", "--reaper", "tini", "--quiet", "--json")).isEqualTo(ExitCode.USAGE);
        assertThat(err()).contains("--quiet and --json exclude each other");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "--parallel {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"0", "9", "two"})
    @DisplayName("--parallel with no count of 1 to 8: exit 2, saying what it needs and what it got, nothing run")
    void badParallel(String value) {
        assertThat(run("matrix", "--parallel", value, "scenarios/story.yaml")).isEqualTo(ExitCode.USAGE);
        assertThat(err())
                .contains("--parallel needs a count of cells to run at once, 1 to 8, not '" + value + "'")
                .doesNotContain("cell 1 of");
    }

    @Test
    @Tag("container")
    @DisplayName("two cells at a time: they overlap, every one holds, and the report keeps the file's order")
    void parallelCells() {
        assertThat(run("matrix", "--parallel", "2", "--reaper", "none", "--reaper", "tini", "scenarios/story.yaml"))
                .as(err())
                .isEqualTo(ExitCode.OK);
        String said = err();
        assertThat(said).contains("4 cells, 2 at a time");
        // Cell 2 started before cell 1 had finished: they ran at the same time.
        assertThat(said.indexOf("cell 2 of 4: stage 2")).isLessThan(said.indexOf("cell 1 of 4: holds"));
        String table = console.out();
        assertThat(table).contains("4 of 4 cells hold");
        assertThat(table.indexOf("stage 1: original code")).isLessThan(table.indexOf("stage 2: first fix"));
        assertThat(table.indexOf("stage 2: first fix")).isLessThan(table.indexOf("an init alone (tini + pid kill)"));
    }

    @Test
    @Tag("container") // the lab opens: it needs the launcher's Testcontainers settings
    @DisplayName("plan: a docker run line per cell, with the limits, read-only root, labels and init the harness uses")
    void plan() {
        assertThat(run("plan", "scenarios/story.yaml")).as(err()).isEqualTo(ExitCode.OK);
        List<String> lines = console.out().lines().toList();
        assertThat(lines).hasSize(6).allSatisfy(line -> assertThat(line)
                .contains(
                        "\tdocker run -d ",
                        "--label io.zombielab=true",
                        "--pids-limit 512",
                        "--read-only",
                        "--tmpfs /tmp:rw,nosuid,size=64m",
                        "--publish 127.0.0.1::7070",
                        "/opt/zombielab/bin/supervisor-go"));
        assertThat(lines.get(0)).startsWith("none/go/pid-kill\t3\tchain\t0\t").doesNotContain("--init");
        assertThat(lines.get(4)).startsWith("docker-init/go/pid-kill\t").contains(" --init ");
    }

    @Test
    @Tag("unit")
    @DisplayName("--junit where no file can be written: exit 2 before any container, the path and why named")
    void junitUnwritable(@TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path plain = java.nio.file.Files.writeString(dir.resolve("zombielab-junit.plain"), "");
        java.nio.file.Path inside = plain.resolve("x.xml");
        assertThat(run("matrix", "--junit", inside.toString(), "scenarios/story.yaml"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err())
                .contains(
                        "--junit: cannot write " + inside + ": " + plain + " is a file, not a folder",
                        "nothing was run.")
                .doesNotContain("cell 1 of", "Docker engine", "usage:");
        assertThat(run("validate", "--reaper", "tini", "--junit", "/dev/null")).isEqualTo(ExitCode.USAGE);
        assertThat(err()).contains("--junit: /dev/null is not a regular file").doesNotContain("checking reaps-orphans");
    }

    @Test
    @Tag("unit")
    @DisplayName("flakes and speed with a file that is no report: exit 2, the file named, no engine needed")
    void notAReport(@TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path bogus = dir.resolve("not-a-report.json");
        java.nio.file.Files.writeString(bogus, "{\"cells\": 3}");
        assertThat(run("flakes", bogus.toString(), bogus.toString())).isEqualTo(ExitCode.USAGE);
        assertThat(err()).contains(bogus + ": not a zombielab report.json (no \"verdicts\")");
        assertThat(run("speed", bogus.toString(), "/nonexistent.tsv")).isEqualTo(ExitCode.USAGE);
        assertThat(err()).contains(bogus + ": not a zombielab report.json");
    }

    @Test
    @Tag("unit")
    @DisplayName("validate --pod with --init: exit 2 before any engine is asked, Kubernetes has no --init")
    void podWithInit() {
        assertThat(run("validate", "--image", "my/app:1.2", "--pod", "--init")).isEqualTo(ExitCode.USAGE);
        assertThat(err()).contains("--pod runs the image as it ships in a pod", "(Kubernetes has no --init)");
    }
}
