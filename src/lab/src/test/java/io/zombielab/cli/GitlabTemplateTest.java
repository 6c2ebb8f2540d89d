package io.zombielab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zombielab.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import picocli.CommandLine.ParseResult;

/**
 * The GitLab job template stays a job GitLab runs: its script is a validate command line this CLI parses (its
 * variables filled in as a user's job would), the JUnit file it writes is the report GitLab reads, and its image is
 * the CLI image of this release.
 */
@Tag("unit")
@DisplayName("The GitLab job template (ci/gitlab/zombielab-validate.gitlab-ci.yml)")
class GitlabTemplateTest {

    private static final Path TEMPLATE = Path.of("ci/gitlab/zombielab-validate.gitlab-ci.yml");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> job() throws IOException {
        Map<String, Object> all = (Map<String, Object>)
                new Load(LoadSettings.builder().build()).loadFromString(Files.readString(TEMPLATE));
        assertThat(all).as("the template's jobs").containsOnlyKeys(".zombielab-validate");
        return (Map<String, Object>) all.get(".zombielab-validate");
    }

    @Test
    @DisplayName(
            "its script is a validate command this CLI parses, writing the JUnit file GitLab reads as the job's report")
    @SuppressWarnings("unchecked")
    void scriptIsValidate() throws IOException {
        Map<String, Object> job = job();
        List<String> script = (List<String>) job.get("script");
        assertThat(script).as("the job's script").hasSize(1);
        // As a user's job fills it in: an image, and one option more.
        String line =
                script.get(0).replace("\"$ZOMBIELAB_IMAGE\"", "my/app:1.2").replace("$ZOMBIELAB_OPTIONS", "--init");
        assertThat(line).as("every variable filled in").doesNotContain("$").startsWith("zombielab ");
        List<String> args = Words.split(line.substring("zombielab ".length()));

        // GitLab runs the script in the project's folder: --junit's file is there.
        Path project = Path.of("/builds/group/project");
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("user.dir", System.getProperty("user.dir"));
        properties.setProperty(Settings.CALLER_DIRECTORY, project.toString());
        ParseResult parsed = Main.commandLine(Settings.of(Map.of(), properties)).parseArgs(args.toArray(String[]::new));

        assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("validate");
        assertThat(parsed.subcommand().<List<String>>matchedOptionValue("--image", List.of()))
                .containsExactly("my/app:1.2");
        assertThat(parsed.subcommand().hasMatchedOption("--init")).isTrue();
        Map<String, Object> reports = (Map<String, Object>) ((Map<String, Object>) job.get("artifacts")).get("reports");
        assertThat(parsed.subcommand().matchedOptionValue("--junit", Path.of("")))
                .as("--junit writes the report GitLab reads")
                .isEqualTo(project.resolve(reports.get("junit").toString()));
    }

    @Test
    @DisplayName(
            "runs in the CLI image of this release (zombielab/cli:<version>), its entrypoint cleared for GitLab's shell")
    @SuppressWarnings("unchecked")
    void imageIsThisRelease() throws IOException {
        Map<String, Object> job = job();
        Map<String, Object> image = (Map<String, Object>) job.get("image");
        assertThat(image.get("entrypoint")).isEqualTo(List.of(""));
        String release = System.getProperty("zombielab.version").replace("-SNAPSHOT", "");
        assertThat(((Map<String, Object>) job.get("variables")).get("ZOMBIELAB_CLI_IMAGE"))
                .isEqualTo("zombielab/cli:" + release);
    }
}
