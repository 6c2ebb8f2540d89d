package io.zombielab;

import static org.awaitility.Awaitility.await;

import io.zombielab.testing.TempTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The harness as a process of its own ({@code java ... io.zombielab.cli.Main}), for tests that need what a
 * user gets: its exit code, its stdout and stderr, or an engine that vanishes under it.
 */
final class HarnessProcess implements AutoCloseable {

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private HarnessProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Starts {@code Main args} from the checkout's compiled classes, with {@code env} added to this JVM's. */
    static HarnessProcess start(Map<String, String> env, List<String> jvmOptions, String... args) throws IOException {
        String classpath = "target/classes:target/lib/*";
        List<String> command = new ArrayList<>(List.of("java", "-cp", classpath));
        command.addAll(jvmOptions);
        command.add("io.zombielab.cli.Main");
        command.addAll(List.of(args));
        Path out = Files.createTempFile("zombielab-harness", ".out");
        Path err = Files.createTempFile("zombielab-harness", ".err");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(env);
        return new HarnessProcess(builder.start(), out, err);
    }

    String stdout() {
        return read(stdout);
    }

    String stderr() {
        return read(stderr);
    }

    /** Waits until stderr shows {@code text} (the harness's progress), failing with what it said if not. */
    void awaitSaid(String text, Duration atMost) {
        await("the harness to say '" + text + "'; it said:\n" + stderr())
                .atMost(atMost)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> stderr().contains(text) || !process.isAlive());
        if (!stderr().contains(text)) {
            throw new AssertionError("the harness ended (exit " + process.exitValue() + ") without saying '" + text
                    + "'; it said:\n" + stderr());
        }
    }

    /** Its exit code, once it has ended by itself within {@code atMost}. */
    int awaitExit(Duration atMost) {
        await("the harness to end by itself; it said:\n" + stderr())
                .atMost(atMost)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> !process.isAlive());
        return process.exitValue();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends it, if it has not ended, and removes the files that held its output. */
    @Override
    public void close() {
        try {
            process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            TempTree.delete(stdout);
            TempTree.delete(stderr);
        }
    }
}
