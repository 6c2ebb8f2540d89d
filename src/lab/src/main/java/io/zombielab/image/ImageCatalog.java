package io.zombielab.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.zombielab.probe.HelperImage;
import io.zombielab.scenario.Door;
import io.zombielab.scenario.Reaper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * Builds, at most once per content, the images scenarios run in:
 * base (made by the launcher) -> fixtures (workloads, supervisors, probe) -> one variant per reaper.
 * An image whose content-hash tag exists is used as it is, across JVMs and runs.
 */
public final class ImageCatalog {

    private final DockerClient docker;
    private final ProjectLayout layout;
    private final String baseImage;
    private final Optional<Path> extraCaCertificates;
    private final Consumer<String> progress;
    /**
     * One build per image name in this JVM, shared by every cell that needs it, also by cells running at the
     * same time: the first asks for it, the others wait for its result. A failed build is kept too: every cell
     * that needs the image gets the same error, nothing is retried.
     */
    private final Map<String, CompletableFuture<String>> builds = new ConcurrentHashMap<>();

    /** {@code extraCaCertificates}: authorities to trust in image builds besides the system's (NODE_EXTRA_CA_CERTS). */
    public ImageCatalog(
            DockerClient docker,
            ProjectLayout layout,
            String baseImage,
            Optional<Path> extraCaCertificates,
            Consumer<String> progress) {
        this.docker = docker;
        this.layout = layout;
        this.baseImage = baseImage;
        this.extraCaCertificates = extraCaCertificates;
        this.progress = progress;
    }

    /**
     * Before any cell: the base image every scenario image is built on is there, else one message naming the
     * command that makes it (validate --image runs only the user's image and zombielab's helper: it needs none).
     */
    public void requireBase() {
        if (!baseChecked) {
            if (baseImage.isEmpty() || !exists(baseImage)) {
                throw new ImageBuildException("the base image " + (baseImage.isEmpty() ? "" : baseImage + " ")
                        + "is missing: " + layout.howToMakeBaseImage());
            }
            baseChecked = true;
        }
    }

    private volatile boolean baseChecked;

    public String fixtures() {
        requireBase();
        // The families' fixtures are not in it (their images carry them): its tag stays what it was before them.
        List<Path> files = layout.fixturesImageFiles();
        String tag = ContentHash.start()
                .text(baseImage)
                .files(layout.fixtures(), files)
                .path(layout.dockerfile("fixtures.Dockerfile"))
                .tag();
        return ensure("zombielab/fixtures:" + tag, "fixtures", () -> {
            ImageFromDockerfile image = new ImageFromDockerfile("zombielab/fixtures:" + tag, false)
                    .withFileFromPath("Dockerfile", layout.dockerfile("fixtures.Dockerfile"))
                    .withBuildArg("BASE_IMAGE", baseImage);
            // File by file, the same files the tag hashes: no host-built node_modules in the build context.
            for (Path file : files) {
                image.withFileFromPath("fixtures/" + layout.fixtures().relativize(file), file);
            }
            // Not part of the tag: which authorities the host trusts does not change what is built.
            return image.withFileFromString("host-ca.crt", HostCertificates.bundle(extraCaCertificates));
        });
    }

    /**
     * The image variant that puts {@code reaper} at PID 1 (or leaves PID 1 to the supervisor). The pods run in
     * none's, the same image by name and tag: their pause is a container of its own ({@link #pause()}).
     */
    public String forReaper(Reaper reaper) {
        String fixtures = fixtures();
        String file = reaper.dockerfile();
        String name = "zombielab/reaper-" + reaper.imageVariant().id() + ":"
                + ContentHash.start()
                        .text(fixtures)
                        .path(layout.dockerfile(file))
                        .tag();
        return ensure(name, "reaper", () -> new ImageFromDockerfile(name, false)
                .withFileFromPath("Dockerfile", layout.dockerfile(file))
                .withBuildArg("FIXTURES_IMAGE", fixtures));
    }

    /**
     * The image of a scenario family's door: dockerfiles/family-DOOR.Dockerfile with fixtures/families/DOOR/ (and
     * the fixtures folders the door shares), FROM the fixtures image or, where the door says so, the base image
     * alone; its tag hashes that parent, that file and those folders. The host's certificate authorities are in
     * the context (for an npm install), not in the tag.
     */
    public String forDoor(Door door) {
        String parent =
                switch (door.parent()) {
                    case FIXTURES -> fixtures();
                    case BASE -> {
                        requireBase();
                        yield baseImage;
                    }
                };
        String file = "family-" + door.id() + ".Dockerfile";
        Path folder = layout.familyFixtures(door.id());
        ContentHash hash =
                ContentHash.start().text(parent).path(layout.dockerfile(file)).path(folder);
        for (String shared : door.sharedFixtures()) {
            hash = hash.path(layout.fixtures().resolve(shared));
        }
        String name = "zombielab/family-" + door.id() + ":" + hash.tag();
        return ensure(name, "family", () -> {
            ImageFromDockerfile image = new ImageFromDockerfile(name, false)
                    .withFileFromPath("Dockerfile", layout.dockerfile(file))
                    .withBuildArg("BASE_IMAGE", baseImage)
                    .withFileFromString("host-ca.crt", HostCertificates.bundle(extraCaCertificates));
            if (door.parent() == Door.Parent.FIXTURES) {
                image.withBuildArg("FIXTURES_IMAGE", parent);
            }
            for (Path source : ProjectLayout.sourceFiles(folder)) {
                image.withFileFromPath("fixtures/families/" + door.id() + "/" + folder.relativize(source), source);
            }
            for (String shared : door.sharedFixtures()) {
                Path sharedFolder = layout.fixtures().resolve(shared);
                for (Path source : ProjectLayout.sourceFiles(sharedFolder)) {
                    image.withFileFromPath("fixtures/" + shared + "/" + sharedFolder.relativize(source), source);
                }
            }
            return image;
        });
    }

    /** The image a pod's pause container runs ({@code zl-helper pause}): zombielab's helper image, FROM scratch. */
    public String pause() {
        return HelperImage.ensure(docker);
    }

    /** The pause image for {@code reaper}'s cells: empty where the cell is no pod. */
    public Optional<String> pauseFor(Reaper reaper) {
        return reaper.pidNamespace().hasPause() ? Optional.of(pause()) : Optional.empty();
    }

    private String ensure(String name, String kind, java.util.function.Supplier<ImageFromDockerfile> recipe) {
        CompletableFuture<String> mine = new CompletableFuture<>();
        CompletableFuture<String> build = builds.putIfAbsent(name, mine);
        if (build == null) {
            build = mine;
            try {
                mine.complete(build(name, kind, recipe));
            } catch (ImageBuildException e) {
                mine.completeExceptionally(e);
            } catch (RuntimeException e) {
                // Not the image's fault (the engine went away, say): the next cell may try again.
                builds.remove(name, mine);
                mine.completeExceptionally(e);
            }
        }
        try {
            return build.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof ImageBuildException failed) {
                throw build == mine
                        ? failed
                        : new ImageBuildException(
                                failed.getMessage() + " (failed earlier in this run; not retried)", failed);
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private String build(String name, String kind, java.util.function.Supplier<ImageFromDockerfile> recipe) {
        if (exists(name)) {
            return name;
        }
        progress.accept("building image " + name + " (its content changed or it was never built)...");
        long started = System.nanoTime();
        try {
            // forcerm: a step that fails leaves no intermediate container behind (the engine keeps it otherwise).
            recipe.get()
                    .withBuildImageCmdModifier(
                            cmd -> cmd.withLabels(Labels.image(kind)).withForcerm(true))
                    .get();
        } catch (RuntimeException e) {
            throw new ImageBuildException("building image " + name + " failed: " + rootMessage(e), e);
        }
        progress.accept("built " + name + " in "
                + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
        return name;
    }

    private boolean exists(String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** An image could not be found or built. */
    public static final class ImageBuildException extends RuntimeException {
        public ImageBuildException(String message) {
            super(message);
        }

        public ImageBuildException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
