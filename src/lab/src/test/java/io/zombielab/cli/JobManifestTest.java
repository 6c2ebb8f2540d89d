package io.zombielab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zombielab.probe.HelperImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

/**
 * Jobs and CronJobs judged by validate --manifest, each verdict against the same container run by hand with the docker
 * CLI, to its end: examples/deploy/k8s/jobs.yaml ({@code batch}: node at PID 1 leaves the workers it adopts as zombies;
 * {@code batch-shared}, its twin in a shared PID namespace, and {@code nightly-report}, a shell at PID 1: none left), and
 * two Jobs of this test's own ({@code failing}: exit 3, Failed; {@code stuck}: still running at its deadline, stopped,
 * its stop judged).
 */
@Tag("container")
@DisplayName("validate --manifest: Jobs and CronJobs run to their end, and the same containers by hand")
class JobManifestTest {

    private static final Path MANIFEST =
            Path.of("examples/deploy/k8s/jobs.yaml").toAbsolutePath();
    private static final String IMAGE = "zombielab/example-batch:1";
    private static final String MORE = """
            # A batch that fails, and a worker that never ends by itself: validate's own negative controls.
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: failing
            spec:
              backoffLimit: 0
              activeDeadlineSeconds: 30
              template:
                spec:
                  restartPolicy: Never
                  containers:
                    - name: batch
                      image: zombielab/example-batch:1
                      env:
                        - {name: ROUNDS, value: "1"}
                        - {name: EXIT_CODE, value: "3"}
            ---
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: stuck
            spec:
              activeDeadlineSeconds: 3
              template:
                spec:
                  restartPolicy: OnFailure
                  terminationGracePeriodSeconds: 3
                  containers:
                    - name: worker
                      image: zombielab/example-batch:1
                      command: ["node", "-e"]
                      args: ["%s"]
            """.formatted(Stuck.SCRIPT);

    /** A worker that waits for work forever and stops on SIGTERM: what a queue consumer run as a Job looks like. */
    private static final class Stuck {
        static final String SCRIPT = "process.on('SIGTERM', () => process.exit(0)); setInterval(() => {}, 1000)";
    }

    private static final Console console = new Console();
    private static int exit;
    private static final Map<String, String> verdicts = new TreeMap<>();

    @TempDir
    static Path dir;

    @BeforeAll
    static void validateTheFiles() throws Exception {
        DockerCli.buildExample(IMAGE, "examples/deploy/batch");
        Path more = dir.resolve("more.yaml");
        Files.writeString(more, MORE);
        // A bound of 2.5 s, as the other deploy examples use on this shared machine; zombies and exit codes are
        // judged here.
        ValidateJunitFile.Validated run = ValidateJunitFile.validate(
                console,
                dir,
                "--manifest",
                MANIFEST.toString(),
                "--manifest",
                more.toString(),
                "--latency-bound",
                "2.5s");
        exit = run.exit();
        verdicts.putAll(run.verdicts());
    }

    @AfterAll
    static void removeTheImage() {
        DockerCli.run("rmi", IMAGE);
    }

    private static String out() {
        return console.out();
    }

    /** How a container run by hand went, to its end: the zombies adopted by PID 1 that two looks in a row saw, its exit code. */
    private record ByHand(int zombiesThatStayed, String table, String exitCode) {}

    /** Runs the batch image by hand ({@code flags} before it, {@code command} after), reading /proc by docker exec in it until it ends. */
    private static ByHand runToEnd(List<String> flags, String... command) {
        return runToEnd(Optional.empty(), flags, command);
    }

    /**
     * The same, reading /proc by docker exec in {@code observer} (a container of the same PID namespace) if given: a
     * docker exec into a container sharing a pod's namespace can hang when the container ends under it.
     */
    private static ByHand runToEnd(Optional<String> observer, List<String> flags, String... command) {
        List<String> args = new ArrayList<>(List.of("run", "-d", "--label", "io.zombielab=true"));
        args.addAll(flags);
        args.add(IMAGE);
        args.addAll(List.of(command));
        String id = DockerCli.ok(args.toArray(String[]::new));
        try {
            Set<String> previous = new HashSet<>();
            Set<String> stayed = new HashSet<>();
            String[] table = {""};
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        Optional<DockerCli.Result> look = within(
                                Duration.ofSeconds(5),
                                "exec",
                                observer.orElse(id),
                                "sh",
                                "-c",
                                "for f in /proc/[0-9]*/stat; do cat \"$f\" 2>/dev/null; echo; done");
                        if (look.isEmpty() || look.get().code() != 0 || !running(id)) {
                            return !running(id);
                        }
                        Set<String> zombies = new HashSet<>();
                        DockerCli.Result r = look.get();
                        r.out()
                                .lines()
                                .filter(l -> !l.isBlank())
                                .map(l -> l.trim().split("\\s+", 5))
                                .filter(p -> p[2].equals("Z") && p[3].equals("1"))
                                .forEach(p -> zombies.add(p[0]));
                        zombies.stream().filter(previous::contains).forEach(stayed::add);
                        if (!zombies.isEmpty()) {
                            table[0] = r.out();
                        }
                        previous.clear();
                        previous.addAll(zombies);
                        return false;
                    });
            return new ByHand(stayed.size(), table[0], DockerCli.ok("inspect", "-f", "{{.State.ExitCode}}", id));
        } finally {
            DockerCli.run("rm", "-f", id);
        }
    }

    /** A docker command given at most {@code atMost}; empty if it took longer (it is killed). */
    private static Optional<DockerCli.Result> within(Duration atMost, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            return Optional.empty();
        }
        return Optional.of(new DockerCli.Result(
                p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)));
    }

    private static boolean running(String id) {
        return DockerCli.ok("inspect", "-f", "{{.State.Running}}", id).equals("true");
    }

    @Test
    @DisplayName(
            "the fleet: exit 1, 2 of 5 GOOD, a diff adding shareProcessNamespace: true to batch's pod spec, the CronJob's schedule a note")
    void theFleet() {
        assertThat(exit).as(out() + console.err()).isEqualTo(ExitCode.FAILED);
        assertThat(out())
                .contains(
                        "fleet BROKEN: 2 of 5 images GOOD, 3 BROKEN",
                        "+      shareProcessNamespace: true\n       restartPolicy: Never",
                        "note: CronJob schedule '0 3 * * *' (line 47) read, not followed: validate runs its job once, now");
    }

    @Test
    @DisplayName("batch/batch: validate says node at PID 1 left the workers as zombies, exit 0; by hand the same")
    void nodeAtPid1LeavesZombies() {
        assertThat(verdicts.get("batch/batch/reaps-while-running"))
                .as(out())
                .startsWith("PromiseBroken: ")
                .contains("left as zombies (sh for", "[sh] <defunct>", "node batch.js");
        assertThat(verdicts).containsEntry("batch/batch/job-succeeds", "passed");
        assertThat(verdicts.get("batch/batch/stops-gracefully"))
                .startsWith("skipped: not applicable: a Job ends by itself: it ended after");
        ByHand hand = runToEnd(List.of("-e", "ROUNDS=5"));
        assertThat(hand.zombiesThatStayed())
                .as("zombies under node that stayed, by hand:\n" + hand.table())
                .isGreaterThanOrEqualTo(3);
        assertThat(hand.exitCode()).isEqualTo("0");
    }

    @Test
    @DisplayName(
            "batch-shared/batch and nightly-report/report: the pod's pause, a shell at PID 1: none left, exit 0; by hand the same")
    void pauseAndShellReap() {
        for (String job : List.of("batch-shared/batch", "nightly-report/report")) {
            assertThat(verdicts)
                    .as(out())
                    .containsEntry(job + "/reaps-while-running", "passed")
                    .containsEntry(job + "/job-succeeds", "passed");
            assertThat(verdicts.get(job + "/stops-gracefully"))
                    .as("never kept: not applicable")
                    .startsWith("skipped: not applicable: a ")
                    .contains("ends by itself");
        }
        String pause = DockerCli.ok(
                "run",
                "-d",
                "--label",
                "io.zombielab=true",
                "--read-only",
                HelperImage.ensure(DockerClientFactory.instance().client()),
                "pause");
        try {
            String observer = DockerCli.ok(
                    "run",
                    "-d",
                    "--label",
                    "io.zombielab=true",
                    "--pid",
                    "container:" + pause,
                    System.getenv("ZOMBIELAB_BASE_IMAGE"),
                    "sleep",
                    "300");
            ByHand shared;
            try {
                shared = runToEnd(Optional.of(observer), List.of("--pid", "container:" + pause));
            } finally {
                DockerCli.run("rm", "-f", observer);
            }
            assertThat(shared.zombiesThatStayed())
                    .as("zombies in the shared namespace, by hand:\n" + shared.table())
                    .isZero();
            assertThat(shared.exitCode()).as("node's exit, not PID 1 there").isEqualTo("0");
        } finally {
            DockerCli.run("rm", "-f", pause);
        }
        ByHand shell = runToEnd(List.of("--entrypoint", "/bin/sh"), "-c", "node batch.js && echo report sent");
        assertThat(shell.zombiesThatStayed())
                .as("zombies under sh, by hand:\n" + shell.table())
                .isZero();
        assertThat(shell.exitCode()).isEqualTo("0");
    }

    @Test
    @DisplayName("failing/batch: validate says exit code 3, Failed, with what Kubernetes would do; by hand exit 3")
    void failingJob() {
        assertThat(verdicts.get("failing/batch/job-succeeds"))
                .as(out())
                .startsWith("PromiseBroken: ")
                .contains(
                        "exit code 3 after",
                        "Kubernetes counts the pod Failed; restartPolicy Never: the Job controller would start up to 0 new pods");
        assertThat(verdicts.get("failing/batch/stops-gracefully")).startsWith("skipped: not applicable: ");
        assertThat(runToEnd(List.of("-e", "ROUNDS=1", "-e", "EXIT_CODE=3")).exitCode())
                .isEqualTo("3");
    }

    @Test
    @DisplayName(
            "stuck/worker: validate says still running at its 3 s deadline, stopped with its grace period, and judges that stop; by hand the same")
    void stuckJob() {
        assertThat(verdicts.get("stuck/worker/job-succeeds"))
                .as(out())
                .startsWith("PromiseBroken: ")
                .contains("still running at its activeDeadlineSeconds, 3 s", "docker stop -t 3 (its grace period)");
        assertThat(verdicts)
                .as("still running at its deadline: its stop is judged, not skipped")
                .containsEntry("stuck/worker/stops-gracefully", "passed");
        String id = DockerCli.ok(
                "run", "-d", "--label", "io.zombielab=true", "--entrypoint", "node", IMAGE, "-e", Stuck.SCRIPT);
        try {
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> running(id));
            DockerCli.ok("stop", "-t", "3", id);
            assertThat(DockerCli.ok("inspect", "-f", "{{.State.ExitCode}}", id))
                    .as("it stops on SIGTERM")
                    .isEqualTo("0");
        } finally {
            DockerCli.run("rm", "-f", id);
        }
    }
}
