package io.zombielab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import io.zombielab.Settings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/**
 * validate refuses an image it cannot judge before any container runs: one message naming what is wrong and
 * how to fix it, exit 2 for the command line's fault and 3 for the environment's, nothing judged, nothing left.
 */
@DisplayName("validate refuses bad input before any container")
@Tag("container")
class ImageInputTest {

    private final Console console = new Console();
    private final DockerClient docker = DockerClientFactory.instance().client();
    private long containersBefore;

    private int run(String... args) {
        return console.run(args);
    }

    private String err() {
        return console.err();
    }

    /** This run's containers (the launcher names the run in ZOMBIELAB_RUN_ID): other runs on the engine do not count. */
    private long zombielabContainers() {
        String run = System.getenv().getOrDefault("ZOMBIELAB_RUN_ID", "");
        return docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(java.util.Map.of("io.zombielab", "true", "io.zombielab.run", run))
                .exec()
                .size();
    }

    @BeforeEach
    void count() {
        assertThat(System.getenv("ZOMBIELAB_RUN_ID"))
                .as("the run's id, which labels its containers (the launcher sets it)")
                .isNotBlank();
        containersBefore = zombielabContainers();
    }

    @AfterEach
    void nothingJudgedNothingLeft() {
        assertThat(console.out()).as("nothing judged").doesNotContain("PROMISE", "kept");
        assertThat(err()).contains("nothing was judged");
        assertThat(zombielabContainers()).as("containers left").isEqualTo(containersBefore);
    }

    @Test
    @DisplayName("an image the engine does not have: exit 2, never pulled, with how to get it")
    void missingImage() {
        assertThat(run("validate", "--image", "zombielab/does-not-exist:never")).isEqualTo(ExitCode.USAGE);
        assertThat(err())
                .contains(
                        "no image 'zombielab/does-not-exist:never' on the engine",
                        "zombielab never pulls unless asked",
                        "docker pull zombielab/does-not-exist:never",
                        "or add --pull");
    }

    @Test
    @DisplayName("--pull of an image no registry here has: exit 3, the engine's reason")
    void pullThatFails() {
        assertThat(run("validate", "--image", "zombielab/does-not-exist:never", "--pull"))
                .isEqualTo(ExitCode.ENVIRONMENT);
        assertThat(err()).contains("--pull: the engine could not pull 'zombielab/does-not-exist:never'");
    }

    @Test
    @DisplayName("an --entrypoint the image does not have: exit 2, the program and the PATH it was looked for in")
    void missingEntrypoint() {
        String base = Settings.fromEnvironment().run().requireBaseImage();
        assertThat(run("validate", "--image", base, "--entrypoint", "tini-that-is-not-there --"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err())
                .contains("--entrypoint starts 'tini-that-is-not-there', which image '" + base
                        + "' does not have in its PATH");
    }

    @Test
    @DisplayName("an image built for another platform than the engine's: exit 3, both platforms named")
    void otherPlatform() throws IOException {
        String image = "zombielab/test-other-platform:1";
        loadImageFor(image, "arm64".equals(engineArchitecture()) ? "amd64" : "arm64");
        try {
            assertThat(run("validate", "--image", image)).isEqualTo(ExitCode.ENVIRONMENT);
            assertThat(err())
                    .containsPattern("image '" + image + "' is built for linux/(arm64|amd64); this engine runs linux/")
                    .contains("and cannot run it");
        } finally {
            docker.removeImageCmd(image).withForce(true).exec();
        }
    }

    private String engineArchitecture() {
        String arch = docker.infoCmd().exec().getArchitecture();
        return "aarch64".equals(arch) ? "arm64" : arch;
    }

    /** An image for {@code architecture}, written as `docker save` would and loaded: no build, no emulation, no registry. */
    private void loadImageFor(String image, String architecture) throws IOException {
        byte[] layer = tar(new String[] {"hello"}, new byte[][] {"hi\n".getBytes(StandardCharsets.UTF_8)});
        String config = "{\"architecture\":\"" + architecture + "\",\"os\":\"linux\",\"config\":{\"Cmd\":[\"/hello\"],"
                + "\"Labels\":{\"io.zombielab\":\"true\"}},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"sha256:"
                + sha256(layer)
                + "\"]}}";
        byte[] configBytes = config.getBytes(StandardCharsets.UTF_8);
        String configName = sha256(configBytes) + ".json";
        String manifest =
                "[{\"Config\":\"" + configName + "\",\"RepoTags\":[\"" + image + "\"],\"Layers\":[\"layer.tar\"]}]";
        byte[] archive = tar(
                new String[] {configName, "layer.tar", "manifest.json"},
                new byte[][] {configBytes, layer, manifest.getBytes(StandardCharsets.UTF_8)});
        docker.loadImageCmd(new ByteArrayInputStream(archive)).exec();
    }

    private static byte[] tar(String[] names, byte[][] contents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            for (int i = 0; i < names.length; i++) {
                TarArchiveEntry entry = new TarArchiveEntry(names[i]);
                entry.setSize(contents[i].length);
                tar.putArchiveEntry(entry);
                tar.write(contents[i]);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
