package io.zombielab.cli;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The docker CLI, run as a user would by hand: the reference validate's verdicts are checked against. */
final class DockerCli {

    /** What a command printed and its exit code. */
    record Result(int code, String out) {}

    private DockerCli() {}

    static Result run(String... args) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException(command + " did not end within 5 minutes");
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + command, e);
        }
    }

    /** The same, failing with its output unless it exits 0; what it printed, trimmed. */
    static String ok(String... args) {
        Result r = run(args);
        if (r.code() != 0) {
            throw new IllegalStateException(
                    "docker " + String.join(" ", args) + " exited " + r.code() + ":\n" + r.out());
        }
        return r.out().trim();
    }

    /** Builds the example image in {@code folder} (FROM zombielab's base image) as {@code tag}. */
    static void buildExample(String tag, String folder) {
        ok(
                "build",
                "-q",
                "--build-arg",
                "BASE=" + System.getenv("ZOMBIELAB_BASE_IMAGE"),
                "-t",
                tag,
                Path.of(folder).toAbsolutePath().toString());
    }

    /**
     * The container's zombies once what reaps them has had its chance: every {@code sleep} has ended (a zombie or
     * gone, none still sleeping), and the count stayed the same for a second.
     */
    static long settledZombies(String container) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> processes(container).stream().noneMatch(p -> p[1].equals("(sleep)") && !p[2].equals("Z")));
        long[] last = {-1};
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    long now = processes(container).stream()
                            .filter(p -> p[2].equals("Z"))
                            .count();
                    boolean same = now == last[0];
                    last[0] = now;
                    return same;
                });
        return last[0];
    }

    /**
     * The container's processes, zombies included (docker top lists a cgroup's tasks, and a zombie has left it): each
     * /proc/PID/stat read with docker exec, its first fields {pid, (comm), state, ppid}.
     */
    static List<String[]> processes(String container) {
        return ok("exec", container, "sh", "-c", "for f in /proc/[0-9]*/stat; do cat \"$f\" 2>/dev/null; echo; done")
                .lines()
                .filter(l -> !l.isBlank())
                .map(l -> l.trim().split("\\s+", 5))
                .toList();
    }
}
