package io.zombielab.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Where the project's fixtures and Dockerfiles are: the checkout's root, or a release archive's folder. */
public record ProjectLayout(Path root) {

    public ProjectLayout {
        root = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("fixtures")) || !Files.isDirectory(root.resolve("dockerfiles"))) {
            throw new IllegalStateException(
                    root + " is not a zombielab checkout (no fixtures/ and dockerfiles/ there); "
                            + "run from the checkout's root or set -Dzombielab.home");
        }
    }

    public Path fixtures() {
        return root.resolve("fixtures");
    }

    /** The fixtures of the scenario families (issue 19): each door's image has its folder, the fixtures image none. */
    public Path familyFixtures(String door) {
        return fixtures().resolve("families").resolve(door);
    }

    /** The fixtures image's source files: every fixture but the families', which their own images carry. */
    public List<Path> fixturesImageFiles() {
        Path families = fixtures().resolve("families");
        return sourceFiles(fixtures()).stream()
                .filter(f -> !f.startsWith(families))
                .toList();
    }

    /**
     * Every file under {@code folder} that an image is built from, in a stable order. Left out: what a
     * developer may have built on the host ({@code node_modules}, {@code .next}); the image builds its own.
     */
    public static List<Path> sourceFiles(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> StreamSupport.stream(folder.relativize(f).spliterator(), false)
                            .noneMatch(part -> HOST_BUILD_OUTPUT.contains(part.toString())))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private static final Set<String> HOST_BUILD_OUTPUT = Set.of("node_modules", ".next");

    /** The base image's tag a release archive in {@code home} records (lib/base-image.txt, written when it was built). */
    public static Optional<String> recordedBaseImage(Path home) {
        Path file = home.resolve("lib").resolve("base-image.txt");
        try {
            return Files.isRegularFile(file)
                    ? Optional.of(Files.readString(file).trim()).filter(t -> !t.isEmpty())
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The one command that makes the base image here: a release archive's bin/zombielab-base, or the launcher. */
    public String howToMakeBaseImage() {
        Path command = root.resolve("bin").resolve("zombielab-base");
        if (Files.isExecutable(command)) {
            return "make it once with " + command + " (it pulls Debian where a registry answers; where none does, "
                    + "it builds it from Debian's packages, which needs root: sudo " + command + ")";
        }
        return "the launcher builds it (./zombielab test or ./zombielab reproduce)";
    }

    public Path scenarios() {
        return root.resolve("scenarios");
    }

    public Path dockerfile(String name) {
        return root.resolve("dockerfiles").resolve(name);
    }
}
