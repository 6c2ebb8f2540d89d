package io.zombielab.probe;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.images.builder.Transferable;

/**
 * zl-helper as an image: the static binary this jar carries for the engine's architecture, alone in an
 * image FROM scratch (no registry, no base image). Tagged by the binary's hash, so it is built once per
 * engine and content, and reused by every later JVM.
 */
public final class HelperImage {

    /** Where the binary sits in the image; the image's entrypoint. */
    public static final String PATH = "/zl-helper";

    private static final String RESOURCE = "/io/zombielab/helper/linux-%s/zl-helper";
    private static final String DOCKERFILE =
            "FROM scratch\nCOPY zl-helper " + PATH + "\nENTRYPOINT [\"" + PATH + "\"]\n";
    private static final Map<String, CompletableFuture<String>> BUILT = new ConcurrentHashMap<>();

    private HelperImage() {}

    /** The binary for {@code architecture} ("amd64", "arm64": the engine's {@code docker version} Arch). */
    public static byte[] binary(String architecture) {
        String resource = String.format(RESOURCE, architecture);
        try (InputStream in = HelperImage.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ProbeException(
                        "zombielab carries zl-helper for linux/amd64 and linux/arm64, not for the engine's "
                                + "architecture '" + architecture + "' (no " + resource + " in its jar)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** The engine's architecture, as Docker names it. */
    public static String architecture(DockerClient docker) {
        return docker.versionCmd().exec().getArch();
    }

    /** The image's name, built first if this engine does not have it yet. */
    public static String ensure(DockerClient docker) {
        byte[] binary = binary(architecture(docker));
        // The tag names what the image is made of: the recipe and the binary.
        byte[] recipe = DOCKERFILE.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] content = java.util.Arrays.copyOf(recipe, recipe.length + binary.length);
        System.arraycopy(binary, 0, content, recipe.length, binary.length);
        String name = "zombielab/helper:" + sha256(content).substring(0, 12);
        try {
            return BUILT.computeIfAbsent(name, n -> CompletableFuture.supplyAsync(() -> build(docker, n, binary)))
                    .join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static String build(DockerClient docker, String name, byte[] binary) {
        try {
            docker.inspectImageCmd(name).exec();
            return name;
        } catch (NotFoundException missing) {
            // built below
        }
        try {
            new ImageFromDockerfile(name, false)
                    .withFileFromTransferable("zl-helper", Transferable.of(binary, 0755))
                    .withFileFromString("Dockerfile", DOCKERFILE)
                    .withBuildImageCmdModifier(
                            cmd -> cmd.withLabels(Map.of("io.zombielab", "true", "io.zombielab.kind", "helper"))
                                    .withForcerm(true))
                    .get();
        } catch (RuntimeException e) {
            BUILT.remove(name);
            throw new ProbeException(
                    "building zombielab's helper image " + name + " (FROM scratch) failed: " + e.getMessage(), e);
        }
        return name;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
