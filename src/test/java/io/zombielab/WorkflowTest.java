package io.zombielab;

import static org.assertj.core.api.Assertions.assertThat;

import io.zombielab.scenario.Scenario;
import io.zombielab.scenario.ScenarioFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The GitHub Actions workflow stays what README says it is: valid, README's commands only, every reaper a job. */
@DisplayName("The CI workflow")
class WorkflowTest {

    private static final Path WORKFLOW = Path.of(".github/workflows/zombielab.yml");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> workflow() throws IOException {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(WORKFLOW));
    }

    @SuppressWarnings("unchecked")
    private static Stream<Map<String, Object>> steps(Map<String, Object> workflow) {
        Map<String, Object> jobs = (Map<String, Object>) workflow.get("jobs");
        return jobs.values().stream().flatMap(job -> ((List<Map<String, Object>>) ((Map<String, Object>) job).get("steps")).stream());
    }

    @Test
    @DisplayName("is valid YAML whose job matrix covers every reaper the scenario files use")
    @SuppressWarnings("unchecked")
    void matrixCoversEveryReaper() throws IOException {
        Map<String, Object> matrixJob = (Map<String, Object>) ((Map<String, Object>) workflow().get("jobs")).get("matrix");
        List<String> jobs = (List<String>) ((Map<String, Object>) ((Map<String, Object>) matrixJob.get("strategy"))
                .get("matrix")).get("reaper");
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("scenarios"))) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        List<String> used = ScenarioFiles.load(files).stream().map(Scenario::reaper).distinct()
                .map(r -> r.id()).toList();
        assertThat(jobs).as("reapers with a job").containsExactlyInAnyOrderElementsOf(used);
    }

    @Test
    @DisplayName("runs only the README's commands")
    void onlyReadmeCommands() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        List<String> runs = new ArrayList<>();
        steps(workflow()).filter(s -> s.containsKey("run")).forEach(s -> runs.add(s.get("run").toString().trim()));
        assertThat(runs).isNotEmpty().allSatisfy(run -> {
            assertThat(run).as("a workflow step").matches("(ZOMBIELAB_REAPERS=\\$\\{\\{ matrix\\.reaper }} )?\\./zombielab (test|reproduce)");
            assertThat(readme).as("README shows " + run).contains(run.replace("${{ matrix.reaper }}", "tini"));
        });
    }
}
