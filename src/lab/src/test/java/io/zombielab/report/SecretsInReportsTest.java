package io.zombielab.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.zombielab.TestFigures;
import io.zombielab.image.ImageConfig;
import io.zombielab.observe.Census;
import io.zombielab.observe.CycleSample;
import io.zombielab.observe.ProcessTree;
import io.zombielab.observe.ScenarioObservation;
import io.zombielab.probe.ProbeMode;
import io.zombielab.probe.ProcessInfo;
import io.zombielab.probe.ProcessState;
import io.zombielab.probe.ProcessTable;
import io.zombielab.probe.SecretMask;
import io.zombielab.probe.Snapshot;
import io.zombielab.promise.ConfigReading;
import io.zombielab.promise.Grading;
import io.zombielab.promise.PromiseOutcome;
import io.zombielab.promise.PromiseResult;
import io.zombielab.promise.PromiseVerdict;
import io.zombielab.promise.Promises;
import io.zombielab.promise.ReaperUnderTest;
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
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A matrix run's every rendering (the table, JSON, Markdown, HTML, JUnit XML) of a cell whose processes carry a
 * credential on their command line, made the way a cell makes its tables and tree (ProcessTable, the tree's
 * commands); and validate's of an init given with --entrypoint and of an image config: nothing of the secret
 * reaches a file CI keeps; shown with --show-secrets. (zombielab's own cells carry none: SecretsInOutputsTest
 * plants one in a real container, as a user's image would.)
 */
@Tag("unit")
@DisplayName("The reports hide what looks like a credential")
class SecretsInReportsTest {

    private static final Path STORY = Path.of("scenarios/story.yaml");
    private static final String SECRET = "hunter2";

    private static RunReport run() {
        List<Verdict> verdicts = new ArrayList<>();
        for (Scenario s : ScenarioFiles.load(List.of(STORY)).subList(0, 2)) {
            ProcessInfo supervisor = new ProcessInfo(
                    1,
                    "supervisor-go",
                    ProcessState.SLEEPING,
                    0,
                    1,
                    1,
                    4636,
                    "",
                    "/opt/app/supervisor --db=postgres://app:" + SECRET + "@db/app --api-key " + SECRET,
                    OptionalLong.of(4000));
            ProcessInfo orphan = new ProcessInfo(
                    12,
                    "node",
                    ProcessState.SLEEPING,
                    1,
                    9,
                    2,
                    40_000,
                    "c1",
                    "node level.js --token=" + SECRET,
                    OptionalLong.of(31_000));
            Snapshot last = new Snapshot(
                    Instant.EPOCH, List.of(supervisor, orphan), TestFigures.figures(4L << 20, 4L << 20, 6, 512, 0, 0));
            Census census = new Census(List.of(), List.of(orphan));
            List<CycleSample> samples = new ArrayList<>();
            for (int c = 0; c <= 3; c++) {
                samples.add(new CycleSample(c, last.cgroup(), census));
            }
            String table = ProcessTable.format(last, p -> Optional.of(p.chain()).filter(x -> !x.isEmpty()));
            ProcessTree tree = new ProcessTree(
                    "c1",
                    last.processes().stream()
                            .map(p -> new ProcessTree.Node(p.pid() == 1 ? 0 : 1, p.pid(), p.comm(), p.displayCommand()))
                            .toList());
            verdicts.add(Judge.judge(new ScenarioObservation(
                    s,
                    ProbeMode.HOST,
                    samples,
                    new ScenarioObservation.End(last, census, table),
                    new ScenarioObservation.Up(tree, table),
                    Optional.empty(),
                    "",
                    Duration.ofSeconds(3))));
        }
        return new RunReport(
                "[story.yaml]",
                "20261201-000000-1",
                Instant.EPOCH,
                Duration.ofSeconds(6),
                verdicts,
                List.of(),
                StoryReading.read(verdicts));
    }

    private static Map<String, String> renderings() {
        RunReport run = run();
        List<CellResult> cells = run.verdicts().stream()
                .map(v -> (CellResult) new CellResult.Judged(STORY, v))
                .toList();
        String chart = MemoryChart.svg(
                "memory", run.verdicts().stream().map(Verdict::observation).toList());
        return Map.of(
                "matrix table",
                MatrixTable.render(run.rows()) + String.join("\n", MatrixTable.trees(run.verdicts())),
                "JSON",
                JsonReport.render(run),
                "Markdown",
                MarkdownReport.render(run),
                "HTML",
                HtmlReport.render(run, chart),
                "JUnit XML",
                JunitXml.render(MatrixJunit.report(run, cells, "host")));
    }

    /** validate of {@code --entrypoint "/opt/init --api-key hunter2 --"}, and of an image whose CMD carries one. */
    private static Map<String, String> validateRenderings() {
        ProcessInfo pidOne = new ProcessInfo(
                1,
                "node",
                ProcessState.SLEEPING,
                0,
                1,
                1,
                48_000,
                "",
                "node server.js --db-password=" + SECRET,
                OptionalLong.of(0));
        String table = ProcessTable.format(
                new Snapshot(Instant.EPOCH, List.of(pidOne), TestFigures.figures(1L << 20, 1L << 20, 3, 256, 0, 0)));
        PromiseVerdict.Seen seen = new PromiseVerdict.Seen(Optional.of(137L), table, "", Optional.of(ProbeMode.HOST));
        ReaperUnderTest init = ReaperUnderTest.init(
                "my-init", "my/app:1.2", Optional.of(List.of("/opt/init", "--api-key", SECRET, "--")), false);
        ReaperUnderTest shipped = ReaperUnderTest.asShipped("my/app:1.2", "my/app:1.2", false);
        ImageConfig config = new ImageConfig(
                "my/app:1.2",
                List.of(),
                List.of("node", "server.js", "--db-password=" + SECRET),
                Optional.empty(),
                "",
                "/usr/bin",
                ImageConfig.Platform.of("linux", "amd64"));
        Map<String, String> out = new java.util.HashMap<>();
        for (ReaperUnderTest subject : List.of(init, shipped)) {
            PromiseVerdict broken = new PromiseVerdict(
                    subject,
                    Promises.REAPS_ORPHANS,
                    PromiseOutcome.LEFT_ZOMBIES,
                    Optional.of(PromiseOutcome.REAPED),
                    Optional.empty(),
                    "0 of 5 reaped",
                    seen);
            Optional<ConfigReading> reading = subject == shipped
                    ? Optional.of(ConfigReading.of(config, ConfigReading.Front.NONE))
                    : Optional.empty();
            ValidateReport report =
                    new ValidateReport(subject, Grading.DEFAULT, reading, List.of(new PromiseResult.Judged(broken)));
            out.put(subject.name() + " table", report.table());
            out.put(subject.name() + " JSON", report.json());
            out.put(
                    subject.name() + " JUnit XML",
                    JunitXml.render(PromiseJunit.report(report, Instant.EPOCH, Duration.ofSeconds(9), "host")));
        }
        return out;
    }

    @Test
    @DisplayName(
            "validate's table, JSON and JUnit XML: an --entrypoint's and an image config's credentials hidden, shown when asked")
    void validateHidesThem() {
        validateRenderings().forEach((what, text) -> assertThat(text).as(what).doesNotContain(SECRET));
        assertThat(validateRenderings().get("my-init JUnit XML")).contains("--api-key, " + SecretMask.HIDDEN);
        assertThat(validateRenderings().get("my/app:1.2 table"))
                .contains("CMD [node, server.js, --db-password=" + SecretMask.HIDDEN + "]");
        try (SecretMask.Scope shown = SecretMask.showingSecrets()) {
            assertThat(validateRenderings().get("my-init JUnit XML")).contains("--api-key, " + SECRET);
            assertThat(validateRenderings().get("my/app:1.2 JSON")).contains("--db-password=" + SECRET);
        }
    }

    @Test
    @DisplayName("the table, JSON, Markdown, HTML and JUnit XML: the process tables are in them, the secret is not")
    void hidden() {
        renderings().forEach((what, text) -> assertThat(text).as(what).doesNotContain(SECRET));
        assertThat(renderings().get("JUnit XML"))
                .as("the JUnit XML carries the process table")
                .contains("--token=" + SecretMask.HIDDEN, "postgres://app:" + SecretMask.HIDDEN + "@db/app");
        assertThat(renderings().get("HTML"))
                .as("the HTML carries the process table")
                .contains("--api-key " + SecretMask.HIDDEN);
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
