package io.zombielab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The release archive (zombielab-&lt;version&gt;.tar.gz, made by this module's package phase) unpacked in a fresh
 * folder as a user gets it, owned by {@code user}; removed with everything the user left in it.
 */
final class ReleaseArchive implements AutoCloseable {

    private final Path root;
    private final Path home;

    private ReleaseArchive(Path root, Path home) {
        this.root = root;
        this.home = home;
    }

    /** The archive this build made (-Dzombielab.archive, set by src/dist's pom). */
    static Path built() {
        Path archive = Path.of(System.getProperty(
                "zombielab.archive",
                "src/dist/target/zombielab-" + System.getProperty("zombielab.version") + ".tar.gz"));
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("no release archive at " + archive + ": mvn package of src/dist makes it");
        }
        return archive;
    }

    static String version() {
        return System.getProperty("zombielab.version");
    }

    /** Unpacks the archive with tar into a new folder and gives it to {@code user}. */
    static ReleaseArchive unpackedFor(TestUser user) {
        ReleaseArchive archive = unpacked();
        user.own(archive.root);
        return archive;
    }

    /** Unpacks the archive with tar into a new folder of this (root) user's. */
    static ReleaseArchive unpacked() {
        try {
            Path root = Files.createTempDirectory("zombielab-release-");
            run(List.of("tar", "-xzf", built().toAbsolutePath().toString(), "-C", root.toString()));
            return new ReleaseArchive(root, root.resolve("zombielab-" + version()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The unpacked archive's folder: zombielab-&lt;version&gt;. */
    Path home() {
        return home;
    }

    /** A new empty folder beside it, where the user stands (not the archive's folder, not a checkout). */
    Path newFolder(String name) {
        try {
            return Files.createDirectories(root.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A folder whose PATH gives only Java and bash (what the launcher script runs in): no Maven, no Go, no docker
     * CLI, no coreutils.
     */
    Path javaOnlyPath() {
        Path bin = newFolder("path-java-only");
        try {
            Files.createSymbolicLink(bin.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
            Files.createSymbolicLink(bin.resolve("bash"), Path.of("/bin/bash"));
            return bin;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code command} as this user; its output, or an error with it when it fails. */
    static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + p.exitValue() + ":\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + root, e);
        }
    }
}
