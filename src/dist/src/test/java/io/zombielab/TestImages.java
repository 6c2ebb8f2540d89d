package io.zombielab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Small app images on the base image for validate to judge, made and removed with the docker CLI as root. */
final class TestImages {

    private TestImages() {}

    /** The base image the launcher made (ZOMBIELAB_BASE_IMAGE), as the archive records it too. */
    static String base() {
        String base = System.getenv("ZOMBIELAB_BASE_IMAGE");
        if (base == null || base.isBlank()) {
            throw new IllegalStateException("ZOMBIELAB_BASE_IMAGE is not set: run the tests through ./zombielab test");
        }
        return base;
    }

    /** An image FROM the base whose Dockerfile ends with {@code lines} (ENTRYPOINT, CMD), labelled as the project's. */
    static String build(String name, String... lines) {
        String dockerfile = "FROM " + base() + "\nLABEL io.zombielab=true\n" + String.join("\n", lines) + "\n";
        try {
            Process p = new ProcessBuilder("docker", "build", "-q", "-t", name, "-")
                    .redirectErrorStream(true)
                    .start();
            p.getOutputStream().write(dockerfile.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("docker build of " + name + " failed:\n" + dockerfile + out);
            }
            return name;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A container that may be gone already (docker run --rm): removed if it is not. */
    static void removeContainer(String name) {
        try {
            new ProcessBuilder("docker", "rm", "-f", name)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void remove(String name) {
        ReleaseArchive.run(List.of("docker", "rmi", "-f", name));
    }
}
