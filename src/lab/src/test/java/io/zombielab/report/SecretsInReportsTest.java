package io.zombielab.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.zombielab.TestFigures;
import io.zombielab.observe.Census;
import io.zombielab.observe.CycleSample;
import io.zombielab.observe.ProcessTree;
import io.zombielab.observe.ScenarioObservation;
import io.zombielab.probe.ProbeMode;
import io.zombielab.probe.ProcessInfo;
import io.zombielab.probe.ProcessTable;
import io.zombielab.probe.SecretMask;
import io.zombielab.probe.Snapshot;
import io.zombielab.scenario.Scenario;
import io.zombielab.scenario.ScenarioFiles;
import io.zombielab.verdict.Judge;
import io.zombielab.verdict.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A matrix run's every rendering (the table, JSON, Markdown, HTML, JUnit XML) of a cell whose processes carry a
 * credential on their command line: made the way a cell makes its tables and tree (ProcessTable, the tree's
 * commands), so nothing of the secret reaches a file CI keeps; shown with --show-secrets. (zombielab's own cells
 * carry none: the validate test plants one in a real container, as a user's image would.)
 */
@DisplayName("A matrix run's reports hide what looks like a credential")
class SecretsInReportsTest {

    private static final Path STORY = Path.of("scenarios/story.yaml");
    private static final String SECRET = "hunter2";

    private static RunReport run() {
        List<Verdict> verdicts = new ArrayList<>();
        for (Scenario s : ScenarioFiles.load(List.of(STORY)).subList(0, 2)) {
            ProcessInfo supervisor = new ProcessInfo(1, "supervisor-go", 'S', 0, 1, 1, 4636, "",
                    "/opt/app/supervisor --db=postgres://app:" + SECRET + "@db/app --api-key " + SECRET, 4000);
            ProcessInfo orphan = new ProcessInfo(12, "node", 'S', 1, 9, 2, 40_000, "c1", "node level.js --token=" + SECRET, 31_000);
            Snapshot last = new Snapshot(Instant.EPOCH, List.of(supervisor, orphan), TestFigures.figures(4L << 20, 4L << 20, 6, 512, 0, 0));
            Census census = new Census(List.of(), List.of(orphan));
            List<CycleSample> samples = new ArrayList<>();
            for (int c = 0; c <= 3; c++) {
                samples.add(new CycleSample(c, last.cgroup(), census));
            }
            String table = ProcessTable.format(last, p -> Optional.of(p.chain()).filter(x -> !x.isEmpty()));
            ProcessTree tree = new ProcessTree("c1", last.processes().stream()
                    .map(p -> new ProcessTree.Node(p.pid() == 1 ? 0 : 1, p.pid(), p.comm(), p.displayCommand())).toList());
            verdicts.add(Judge.judge(new ScenarioObservation(s, ProbeMode.HOST, samples, last, census, table, tree, table,
                    Optional.empty(), "", Duration.ofSeconds(3))));
        }
        return new RunReport("[story.yaml]", "20261201-000000-1", Instant.EPOCH, Duration.ofSeconds(6), verdicts, List.of(),
                StoryReading.read(verdicts));
    }

    private static Map<String, String> renderings() {
        RunReport run = run();
        List<CellResult> cells = run.verdicts().stream().map(v -> (CellResult) new CellResult.Judged(STORY, v)).toList();
        Supplier<String> chart = () -> MemoryChart.svg("memory", run.verdicts().stream().map(Verdict::observation).toList());
        return Map.of("matrix table", MatrixTable.render(run.rows()) + String.join("\n", MatrixTable.trees(run.verdicts())),
                "JSON", JsonReport.render(run), "Markdown", MarkdownReport.render(run),
                "HTML", HtmlReport.render(run, chart.get()), "JUnit XML", JunitXml.render(MatrixJunit.report(run, cells, "host")));
    }

    @Test
    @DisplayName("the table, JSON, Markdown, HTML and JUnit XML: the process tables are in them, the secret is not")
    void hidden() {
        renderings().forEach((what, text) -> assertThat(text).as(what).doesNotContain(SECRET));
        assertThat(renderings().get("JUnit XML")).as("the JUnit XML carries the process table")
                .contains("--token=" + SecretMask.HIDDEN, "postgres://app:" + SecretMask.HIDDEN + "@db/app");
        assertThat(renderings().get("HTML")).as("the HTML carries the process table").contains("--api-key " + SecretMask.HIDDEN);
    }

    @Test
    @DisplayName("a negative control: with --show-secrets, the same renderings carry it")
    void shown() {
        try (SecretMask.Scope shown = SecretMask.showingSecrets()) {
            Map<String, String> renderings = renderings();
            assertThat(renderings.get("JUnit XML")).contains("--token=" + SECRET);
            assertThat(renderings.get("HTML")).contains("--api-key " + SECRET);
        }
    }
}
