package io.zombielab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A user who is not root but in the docker group, as a CI runner is: created for the test when the suite runs
 * as root (and removed with its home afterwards), or the suite's own user when it is not root already.
 * Commands run as it with a clean environment: nothing of the suite's (run id, Testcontainers settings) leaks in.
 */
final class TestUser implements AutoCloseable {

    static final String NAME = "zombielab-ci";

    private final String name;
    private final Path home;
    private final boolean created;

    private TestUser(String name, Path home, boolean created) {
        this.name = name;
        this.home = home;
        this.created = created;
    }

    static TestUser nonRoot() {
        if (!"0".equals(run("id", "-u").trim())) {
            return new TestUser(System.getProperty("user.name"), Path.of(System.getProperty("user.home")), false);
        }
        if (run("getent", "group", "docker").isBlank()) {
            throw new IllegalStateException(
                    "there is no 'docker' group: the engine's socket cannot be given to a non-root user");
        }
        // Left by a run that was killed: start from a fresh user.
        if (!run("getent", "passwd", NAME).isBlank()) {
            run("userdel", "-r", NAME);
        }
        run("useradd", "--create-home", "--groups", "docker", "--comment", "zombielab test user (io.zombielab)", NAME);
        return new TestUser(NAME, Path.of("/home", NAME), true);
    }

    String name() {
        return name;
    }

    /** Gives the user a folder (the copy of the checkout it runs from). */
    void own(Path folder) {
        if (created) {
            run("chown", "-R", name + ":" + name, folder.toString());
        }
    }

    /** {@code command} in {@code dir}, as this user, with only {@code env} besides HOME, PATH, USER and LANG. */
    ProcessBuilder command(Path dir, Map<String, String> env, String... command) {
        List<String> argv = new ArrayList<>();
        if (created) {
            argv.addAll(List.of("runuser", "-u", name, "--"));
        }
        argv.addAll(
                List.of("env", "-i", "HOME=" + home, "USER=" + name, "LANG=C.UTF-8", "PATH=" + System.getenv("PATH")));
        env.forEach((k, v) -> argv.add(k + "=" + v));
        argv.addAll(List.of(command));
        return new ProcessBuilder(argv).directory(dir.toFile());
    }

    @Override
    public void close() {
        if (created) {
            // The JVMs it ran leave their perf data in /tmp under its name; userdel -r removes only its home.
            run("rm", "-rf", "/tmp/hsperfdata_" + name);
            run("userdel", "-r", name);
        }
    }

    private static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = p.waitFor();
            if (exit != 0 && !command[0].equals("getent")) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + exit + ": " + out);
            }
            return exit == 0 ? out : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
