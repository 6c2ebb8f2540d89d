package io.zombielab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The GitHub Actions workflow stays what README says it is: valid, README's commands only, shards that
 * together cover every cell, and nothing only this machine has (no sudo, no root, no engine it starts).
 */
@DisplayName("The CI workflow")
@Tag("unit")
class WorkflowTest {

    private static final Path WORKFLOW = Path.of(".github/workflows/zombielab.yml");
    private static final Pattern SHARDED =
            Pattern.compile("ZOMBIELAB_SHARD=\\$\\{\\{ matrix\\.shard }}/(\\d+) \\./zombielab test");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> workflow() throws IOException {
        return (Map<String, Object>)
                new Load(LoadSettings.builder().build()).loadFromString(Files.readString(WORKFLOW));
    }

    @SuppressWarnings("unchecked")
    private static Stream<Map<String, Object>> steps(Map<String, Object> workflow) {
        Map<String, Object> jobs = (Map<String, Object>) workflow.get("jobs");
        return jobs.values().stream()
                .flatMap(job -> ((List<Map<String, Object>>) ((Map<String, Object>) job).get("steps")).stream());
    }

    @Test
    @DisplayName("is valid YAML whose test jobs are shards 1..N of N: together every cell and promise, each once")
    @SuppressWarnings("unchecked")
    void shardsCoverEveryCell() throws IOException {
        Map<String, Object> tests =
                (Map<String, Object>) ((Map<String, Object>) workflow().get("jobs")).get("tests");
        List<Integer> shards = (List<Integer>)
                ((Map<String, Object>) ((Map<String, Object>) tests.get("strategy")).get("matrix")).get("shard");
        String run = ((List<Map<String, Object>>) tests.get("steps"))
                .stream()
                        .filter(s -> s.containsKey("run"))
                        .map(s -> s.get("run").toString().trim())
                        .findFirst()
                        .orElseThrow();
        Matcher m = SHARDED.matcher(run);
        assertThat(m.matches()).as("the test job's command: " + run).isTrue();
        int count = Integer.parseInt(m.group(1));
        assertThat(shards)
                .as("shards of " + count)
                .isEqualTo(IntStream.rangeClosed(1, count).boxed().toList());
    }

    @Test
    @DisplayName("runs only the README's commands, as the runner's own user")
    void onlyReadmeCommands() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        List<String> runs = new ArrayList<>();
        steps(workflow())
                .filter(s -> s.containsKey("run"))
                .forEach(s -> runs.add(s.get("run").toString().trim()));
        assertThat(runs).isNotEmpty().allSatisfy(run -> {
            assertThat(run)
                    .as("a workflow step")
                    .matches(
                            "(ZOMBIELAB_SHARD=\\$\\{\\{ matrix\\.shard }}/\\d+ )?\\./zombielab (test|reproduce)( --junit [\\w./-]+)?");
            assertThat(readme).as("README shows " + run).contains(run.replace("${{ matrix.shard }}", "1"));
        });
        assertThat(Files.readString(WORKFLOW))
                .as("nothing only this machine, or root, has")
                .doesNotContain("sudo", "apt-get", "dockerd");
    }
}
