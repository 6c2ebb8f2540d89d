package io.zombielab;

import static org.assertj.core.api.Assertions.assertThat;

import io.zombielab.engine.DockerEngine;
import io.zombielab.image.Labels;
import io.zombielab.promise.Promise;
import io.zombielab.promise.Promises;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bench/pid1-table, the table of the PID 1s users run (docs/pid1-table.md), works: on two of its PID 1s, a
 * reference init's image (tini) and one of its own images (dash running a script), it writes both pages with a
 * column for every promise validate has. The whole sweep is the bench's, not the default run's.
 */
@Tag("container")
@DisplayName("bench/pid1-table writes the table of PID 1s x promises")
class Pid1TableScriptTest {

    @Test
    @DisplayName(
            "tini and dash: a row each, a column for every promise, dash BROKEN at forwards-sigterm; no container left")
    void writesTheTable(@TempDir Path out) throws Exception {
        ProcessBuilder bench = new ProcessBuilder("bench/pid1-table", "--only", "tini,dash", "--out", out.toString())
                .redirectErrorStream(true);
        // The CLI itself, not the launcher: inside the test run the launcher's build must not start.
        bench.environment().put("ZOMBIELAB_CLI", "java -cp target/classes:target/lib/* io.zombielab.cli.Main");
        String runId = "pid1-table-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        bench.environment().put("ZOMBIELAB_RUN_ID", runId);
        Process p = bench.start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(said).isZero();

        String md = Files.readString(out.resolve("pid1-table.md"));
        String header = md.lines().findFirst().orElseThrow();
        for (Promise promise : Promises.ALL) {
            assertThat(header).as("a column for every promise validate has").contains(" " + promise.id() + " |");
        }
        assertThat(md)
                .as(said)
                .contains("| tini | GOOD |")
                .containsPattern("\\| dash \\| BROKEN \\| [\\d.]+ s \\|")
                .contains(
                        "- dash, `forwards-sigterm`, BROKEN: expected forwarded, child stopped promptly, observed not forwarded")
                .contains("`./zombielab validate --image zombielab/pid1-plain:");
        String dashRow =
                md.lines().filter(l -> l.startsWith("| dash |")).findFirst().orElseThrow();
        assertThat(dashRow.split("\\|"))
                .as("one cell per promise, and name, grade, wall")
                .hasSize(1 + 3 + Promises.ALL.size());
        assertThat(Files.readString(out.resolve("pid1-table.html")))
                .contains("<th>exit-code-in-race</th>", "<tr><th>dash</th><td>BROKEN</td>");
        List<String> left = DockerEngine.client(Settings.fromEnvironment().engine())
                .listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(Labels.RUN, runId))
                .exec()
                .stream()
                .map(c -> c.getNames()[0])
                .toList();
        assertThat(left).as("containers of the table's validates left").isEmpty();
    }
}
