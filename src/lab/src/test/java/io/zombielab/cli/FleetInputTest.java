package io.zombielab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

/**
 * Bad input in a fleet refuses the whole run before any container: one message naming the file, line and what is
 * wrong, exit 2 (the input's fault), nothing judged, nothing left; a good image beside a bad one is not judged either.
 */
@Tag("container")
@DisplayName("validate refuses a fleet with bad input anywhere, before any container")
class FleetInputTest {

    private final Console console = new Console();
    private final DockerClient docker = DockerClientFactory.instance().client();
    private long containersBefore;

    @TempDir
    Path dir;

    private long zombielabContainers() {
        return docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(java.util.Map.of(
                        "io.zombielab",
                        "true",
                        "io.zombielab.run",
                        System.getenv().getOrDefault("ZOMBIELAB_RUN_ID", "")))
                .exec()
                .size();
    }

    @BeforeEach
    void count() {
        containersBefore = zombielabContainers();
    }

    @AfterEach
    void nothingJudgedNothingLeft() {
        assertThat(console.out()).as("nothing judged").doesNotContain("PROMISE", "kept", "GRADE");
        assertThat(console.err()).contains("nothing was judged");
        assertThat(zombielabContainers()).as("containers left").isEqualTo(containersBefore);
    }

    private Path file(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private int compose(String yaml) throws Exception {
        return console.run("validate", "--compose", file("compose.yaml", yaml).toString());
    }

    private String err() {
        return console.err().replace(dir + "/", "");
    }

    @Test
    @DisplayName("a Compose file that does not parse: exit 2, its line")
    void notYaml() throws Exception {
        assertThat(compose("services:\n  web:\n    image: [app\n")).isEqualTo(ExitCode.USAGE);
        assertThat(err()).contains("compose.yaml:4: not valid YAML");
    }

    @Test
    @DisplayName("an unsupported key (extends) and a service with neither image nor build: exit 2, each at its line")
    void unsupportedKeyAndNoImage() throws Exception {
        assertThat(compose("services:\n  a:\n    image: app:1\n    extends: {service: b}\n  b:\n    restart: always\n"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err())
                .contains(
                        "2 problems in what validate was given",
                        "compose.yaml:4: services.a.extends: 'extends' is not supported",
                        "compose.yaml:5: services.b: service b has neither image nor build");
    }

    @Test
    @DisplayName(
            "an image the engine does not have, beside one it has: exit 2, the file:line, never pulled, the good one not judged")
    void missingImageInAFleet() throws Exception {
        String base = io.zombielab.Settings.fromEnvironment().run().requireBaseImage();
        assertThat(compose("services:\n  good:\n    image: " + base + "\n    command: [sleep, infinity]\n"
                        + "  gone:\n    image: zombielab/does-not-exist:never\n"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err())
                .contains(
                        "1 of the fleet's 2 images cannot be validated",
                        "compose.yaml:5: gone: no image " + "'zombielab/does-not-exist:never' on the engine",
                        "zombielab never pulls unless asked")
                .doesNotContain("--pull");
    }

    @Test
    @DisplayName("a health check whose program the image does not have: exit 2, the healthcheck's file:line")
    void probeNotInTheImage() throws Exception {
        String base = io.zombielab.Settings.fromEnvironment().run().requireBaseImage();
        assertThat(compose(
                        "services:\n  web:\n    image: " + base + "\n    command: [sleep, infinity]\n    healthcheck:\n"
                                + "      test: [\"CMD\", \"/usr/local/bin/no-such-probe\"]\n"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err())
                .contains("compose.yaml:6: its healthcheck starts '/usr/local/bin/no-such-probe', which image '" + base
                        + "' does not have");
    }

    @Test
    @DisplayName("a build that fails: exit 2, the build key's file:line")
    void buildFails() throws Exception {
        Files.createDirectories(dir.resolve("app"));
        file(
                "app/Dockerfile",
                "FROM " + io.zombielab.Settings.fromEnvironment().run().requireBaseImage()
                        + "\nLABEL io.zombielab=true\nRUN exit 3\n");
        assertThat(compose("services:\n  web:\n    build: ./app\n")).isEqualTo(ExitCode.USAGE);
        assertThat(err()).contains("compose.yaml:3: the build failed");
    }

    @Test
    @DisplayName(
            "a Job without template and a CronJob whose pod says restartPolicy: Always beside a good Job: exit 2, each file:line")
    void badJobs() throws Exception {
        String base = io.zombielab.Settings.fromEnvironment().run().requireBaseImage();
        Path manifest = file(
                "jobs.yaml",
                "kind: Job\nmetadata: {name: good}\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n"
                        + "      containers: [{name: c, image: " + base
                        + "}]\n---\nkind: Job\nmetadata: {name: a}\nspec: {backoffLimit: 1}\n---\n"
                        + "kind: CronJob\nmetadata: {name: b}\nspec:\n  schedule: \"@daily\"\n  jobTemplate:\n    spec:\n      template:\n"
                        + "        spec:\n          restartPolicy: Always\n          containers: [{name: c, image: "
                        + base + "}]\n");
        assertThat(console.run("validate", "--manifest", manifest.toString())).isEqualTo(ExitCode.USAGE);
        assertThat(err())
                .contains(
                        "jobs.yaml:11: spec: Job has no spec.template",
                        "jobs.yaml:21: spec.jobTemplate.spec.template.spec."
                                + "restartPolicy: restartPolicy Always is invalid for a CronJob");
    }

    @Test
    @DisplayName("a wrong line of --images beside good ones: exit 2, its file:line, none of the fleet judged")
    void wrongImagesLine() throws Exception {
        String base = io.zombielab.Settings.fromEnvironment().run().requireBaseImage();
        Path fleet = file("fleet.txt", base + " --init\n" + base + " --pid\n");
        assertThat(console.run("validate", "--images", fleet.toString())).isEqualTo(ExitCode.USAGE);
        assertThat(err()).contains("fleet.txt:2: unknown option '--pid' after the image");
    }

    @Test
    @DisplayName("a grace period validate cannot grade (not above the latency bound): exit 2, the service's file:line")
    void gracePeriodNotAboveTheBound() throws Exception {
        assertThat(compose("services:\n  web:\n    image: app:1\n    stop_grace_period: 1s\n"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err())
                .contains(
                        "compose.yaml:2: web: the stop timeout must be whole seconds above the latency bound (1000 ms)");
    }

    @Test
    @DisplayName("a fleet shard past the fleet's end: exit 2, before any engine is asked")
    void emptyShard() {
        assertThat(console.run("validate", "--image", "a:1", "--image", "b:1", "--fleet-shard", "3/3"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(console.err()).contains("fleet shard 3/3 of 2 images is empty: use fewer shards");
    }
}
