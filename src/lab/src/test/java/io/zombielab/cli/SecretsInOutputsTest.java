package io.zombielab.cli;

import static io.zombielab.junit.PidOneAssertions.assertThatContainer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.dockerjava.api.DockerClient;
import io.zombielab.probe.SecretMask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.utility.DockerImageName;

/**
 * Reports are safe to upload: an image whose command line carries credentials (node at PID 1, so both promises
 * break and their process tables are printed) is validated through the command line, and no output of it, the
 * terminal's, the JSON or the JUnit XML file, holds one of them; with --show-secrets they are all there (the
 * negative control: the secrets were planted where the outputs show them). The library's failure message on the
 * same image, which prints its process table, hides them too.
 */
@Tag("container")
@DisplayName("validate --image of an image with credentials on its command line")
class SecretsInOutputsTest {

    /** Every planted value holds this: one grep finds any of them. */
    private static final String SECRET = "hunter2";

    private static String image;

    @BeforeAll
    static void buildTheImage() {
        image = new ImageFromDockerfile(
                        "zombielab/test-secrets:" + ProcessHandle.current().pid(), false)
                .withFileFromString("server.js", "setInterval(() => {}, 1000);\n")
                .withDockerfileFromBuilder(b -> b.from(System.getenv("ZOMBIELAB_BASE_IMAGE"))
                        .label("io.zombielab", "true")
                        .copy("server.js", "/app/server.js")
                        .cmd(
                                "node",
                                "/app/server.js",
                                "--db-password=" + SECRET,
                                "--token=" + SECRET + "-token",
                                "--api-key",
                                SECRET + "-api",
                                "-p",
                                SECRET + "-p",
                                "--db=postgres://app:" + SECRET + "-url@db/app",
                                "DB_SECRET_KEY=" + SECRET + "-key",
                                "Authorization: Bearer " + SECRET + "-bearer",
                                "--port=3000")
                        .build())
                .get();
    }

    @AfterAll
    static void removeTheImage() {
        DockerClient docker = DockerClientFactory.instance().client();
        docker.removeImageCmd(image).withForce(true).exec();
    }

    @TempDir
    Path dir;

    private record Outputs(int exit, String terminal, String junit) {}

    private Outputs validate(String name, String... more) throws Exception {
        Path xml = dir.resolve(name + ".xml");
        String[] args = new String[7 + more.length];
        System.arraycopy(
                new String[] {"validate", "--image", image, "--stop-timeout", "2", "--junit", xml.toString()},
                0,
                args,
                0,
                7);
        System.arraycopy(more, 0, args, 7, more.length);
        Console console = new Console();
        int exit = console.run(args);
        return new Outputs(exit, console.out() + console.err(), Files.readString(xml));
    }

    @Test
    @DisplayName(
            "the table, the JSON and the JUnit XML show the command line and its process tables, every credential in them masked")
    void masked() throws Exception {
        Outputs table = validate("table");
        Outputs json = validate("json", "--json");

        assertThat(table.exit()).as(table.terminal()).isEqualTo(ExitCode.FAILED);
        assertThat(table.terminal())
                .as("the image config, PID 1 and its process table are printed")
                .contains("PID 1: node /app/server.js --db-password=*** --token=*** --api-key *** -p *** "
                        + "--db=postgres://app:***@db/app DB_SECRET_KEY=*** Authorization: Bearer *** --port=3000")
                .contains("BREAKS 'reaps-orphans'", "BREAKS 'stops-gracefully'", "<defunct>");
        assertThat(json.terminal()).contains("\"cmd\"", "--db-password=***", "--port=3000");
        assertThat(table.junit()).contains("<failure", "--db-password=***");
        Map.of(
                        "the terminal",
                        table.terminal(),
                        "its JUnit XML",
                        table.junit(),
                        "the JSON on the terminal",
                        json.terminal(),
                        "the JUnit XML beside --json",
                        json.junit())
                .forEach((what, text) -> assertThat(text).as(what).doesNotContain(SECRET));
    }

    @Test
    @DisplayName("a negative control: --show-secrets shows them, in the JSON and the JUnit XML")
    void shownWhenAsked() throws Exception {
        Outputs shown = validate("shown", "--json", "--show-secrets");

        assertThat(shown.terminal())
                .contains("--db-password=" + SECRET, "Bearer " + SECRET + "-bearer", "app:" + SECRET + "-url@");
        assertThat(shown.junit()).contains("--db-password=" + SECRET);
    }

    @Test
    @DisplayName(
            "the library's failure on the same image: PID 1 and its process table, every credential masked; shown within showingSecrets()")
    void theLibrarysFailure() {
        try (GenericContainer<?> app = new GenericContainer<>(DockerImageName.parse(image))
                .withImagePullPolicy(name -> false)
                .withLabels(Map.of("io.zombielab", "true"))) {
            app.start();

            AssertionError masked = catchThrowableOfType(
                    AssertionError.class,
                    () -> assertThatContainer(app).afterOrphaning(3).hasNoZombies());
            AssertionError shown;
            try (SecretMask.Scope show = SecretMask.showingSecrets()) {
                shown = catchThrowableOfType(
                        AssertionError.class,
                        () -> assertThatContainer(app).afterOrphaning(3).hasNoZombies());
            }

            assertThat(masked).as("node at PID 1 leaves the orphans zombies").isNotNull();
            assertThat(masked.getMessage())
                    .contains("'node /app/server.js --db-password=*** --token=***", "<defunct>")
                    .doesNotContain(SECRET);
            assertThat(shown.getMessage()).contains("--db-password=" + SECRET);
        }
    }
}
