package io.zombielab;

import io.zombielab.testing.TempTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** What one run of the launcher (./zombielab ...) gave: its exit code, stdout, stderr and how long it took. */
record LauncherRun(int exit, String stdout, String stderr, Duration took) {

    static LauncherRun of(ProcessBuilder launcher, Duration atMost) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("zombielab-launcher", ".out");
            err = Files.createTempFile("zombielab-launcher", ".err");
            long start = System.nanoTime();
            Process p = launcher.redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!p.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError("the launcher did not end within " + atMost.toSeconds() + " s: "
                        + launcher.command() + "\nit said:\n" + Files.readString(err));
            }
            LauncherRun run = new LauncherRun(
                    p.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8),
                    Duration.ofNanos(System.nanoTime() - start));
            return run;
        } catch (IOException e) {
            throw new AssertionError("the launcher could not be run: " + launcher.command() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            for (Path file : new Path[] {out, err}) {
                if (file != null) {
                    TempTree.delete(file);
                }
            }
        }
    }

    /** For assertion messages. */
    String said() {
        return "exit " + exit + "\n--- stderr\n" + stderr + "--- stdout\n" + stdout;
    }
}
