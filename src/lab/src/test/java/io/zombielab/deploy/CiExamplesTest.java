package io.zombielab.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The fleet matrix examples (examples/deploy/ci): valid YAML whose jobs are fleet shards 1..N of N through
 * ZOMBIELAB_FLEET_SHARD (never ZOMBIELAB_SHARD, which splits zombielab's own suite), each writing its JUnit XML where
 * the merging step (GitHub: a report job over every shard's artifact; GitLab: artifacts:reports:junit) reads it.
 */
@Tag("unit")
@DisplayName("The fleet matrix examples for GitHub and GitLab")
class CiExamplesTest {

    private static final Path CI = Path.of("examples/deploy/ci");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(String name) throws Exception {
        return (Map<String, Object>)
                new Load(LoadSettings.builder().build()).loadFromString(Files.readString(CI.resolve(name)));
    }

    @Test
    @DisplayName(
            "GitHub: shards 1..4 of 4 in ZOMBIELAB_FLEET_SHARD, each uploads its JUnit file, one job reports them all")
    @SuppressWarnings("unchecked")
    void github() throws Exception {
        Map<String, Object> jobs =
                (Map<String, Object>) yaml("github-fleet.yml").get("jobs");
        Map<String, Object> validate = (Map<String, Object>) jobs.get("validate");
        List<Integer> shards = (List<Integer>)
                ((Map<String, Object>) ((Map<String, Object>) validate.get("strategy")).get("matrix")).get("shard");
        assertThat(shards).isEqualTo(IntStream.rangeClosed(1, 4).boxed().toList());
        String text = Files.readString(CI.resolve("github-fleet.yml"));
        assertThat(text)
                .contains(
                        "ZOMBIELAB_FLEET_SHARD: ${{ matrix.shard }}/4",
                        "--junit \"$PWD/target/fleet-junit-${{ matrix.shard }}.xml\"",
                        "pattern: fleet-junit-*");
        assertThat(text.lines().filter(l -> !l.trim().startsWith("#")))
                .as("the suite's own shard variable is not set")
                .noneMatch(l -> l.contains("ZOMBIELAB_SHARD"));
        assertThat(((Map<String, Object>) jobs.get("report")).get("needs")).isEqualTo("validate");
    }

    @Test
    @DisplayName(
            "GitLab: parallel 4, ZOMBIELAB_FLEET_SHARD from CI_NODE_INDEX/CI_NODE_TOTAL, the JUnit file as a report")
    @SuppressWarnings("unchecked")
    void gitlab() throws Exception {
        Map<String, Object> job = (Map<String, Object>) yaml("gitlab-ci.yml").get("pid1-fleet");
        assertThat(job.get("parallel")).isEqualTo(4);
        assertThat((Map<String, Object>) job.get("variables"))
                .containsEntry("ZOMBIELAB_FLEET_SHARD", "$CI_NODE_INDEX/$CI_NODE_TOTAL");
        Map<String, Object> reports = (Map<String, Object>) ((Map<String, Object>) job.get("artifacts")).get("reports");
        assertThat(reports).containsEntry("junit", "fleet-junit.xml");
        assertThat(job.get("script").toString()).contains("--junit \"$CI_PROJECT_DIR/fleet-junit.xml\"");
    }
}
