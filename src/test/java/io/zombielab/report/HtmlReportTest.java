package io.zombielab.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.zombielab.observe.Census;
import io.zombielab.observe.CgroupFigures;
import io.zombielab.observe.CycleSample;
import io.zombielab.observe.ProcessInfo;
import io.zombielab.observe.ProcessTree;
import io.zombielab.observe.ScenarioObservation;
import io.zombielab.observe.Snapshot;
import io.zombielab.scenario.Scenario;
import io.zombielab.scenario.ScenarioFiles;
import io.zombielab.verdict.Judge;
import io.zombielab.verdict.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The HTML report opens from file:// in a real browser (Debian's Chromium, headless), shows the matrix,
 * and fetches nothing. The screenshot is kept as an artifact: target/zombielab-report-test/report.png.
 */
@DisplayName("The HTML report")
class HtmlReportTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DIR = Path.of("target/zombielab-report-test");
    private static final List<Scenario> STORY = ScenarioFiles.load(List.of(Path.of("scenarios/story.yaml")));
    private static Path page;
    private static RunReport run;

    /** A story run as the matrix command would report it: stage 1 leaking, stage 2 with zombies, the rest clean. */
    @BeforeAll
    static void writeThePage() throws Exception {
        List<Verdict> verdicts = new ArrayList<>();
        for (Scenario s : STORY) {
            int orphansPerCycle = s.expectation().liveOrphansPerCycle();
            int zombiesPerCycle = s.expectation().zombiesPerCycle();
            List<ProcessInfo> orphans = new ArrayList<>();
            List<ProcessInfo> zombies = new ArrayList<>();
            for (int i = 0; i < 3 * orphansPerCycle; i++) {
                orphans.add(new ProcessInfo(100 + i, "zl-c1-L1", 'S', 1, 9, i, 40_000, "c1", "zl-c1-L1", 31_000));
            }
            for (int i = 0; i < 3 * zombiesPerCycle; i++) {
                zombies.add(new ProcessInfo(200 + i, "zl-c1-L1", 'Z', 1, 9, i, 0, "", ""));
            }
            Census census = new Census(zombies, orphans);
            List<CycleSample> samples = new ArrayList<>();
            for (int c = 0; c <= 3; c++) {
                long anon = (4L + (orphansPerCycle > 0 ? 91L * c : 0)) << 20;
                samples.add(new CycleSample(c, new CgroupFigures(anon, anon, 6, 512, 0, 0), census));
            }
            List<ProcessTree.Node> nodes = List.of(new ProcessTree.Node(0, 10, "npm run start", "npm run start"),
                    new ProcessTree.Node(1, 11, "sh", "sh -c node level.js"),
                    new ProcessTree.Node(2, 12, "zl-c1-L1", "zl-c1-L1"), new ProcessTree.Node(3, 13, "zl-c1-L2", "zl-c1-L2"));
            List<ProcessInfo> all = new ArrayList<>(zombies);
            all.addAll(orphans);
            verdicts.add(Judge.judge(new ScenarioObservation(s, samples, new Snapshot(Instant.EPOCH, all, samples.get(3).cgroup()),
                    census, "   PID   PPID   PGID STAT  RSS(KiB) CHAIN  COMMAND\n     1      0      1 S   4636 -  supervisor-go <pid 1>\n",
                    new ProcessTree("c1", nodes), Optional.empty(), "", Duration.ofSeconds(3))));
        }
        run = new RunReport("[story.yaml]", "20261125-000000-1", Instant.EPOCH, Duration.ofSeconds(18), verdicts,
                List.of("scenario x [none/go/pid-kill] could not run: no Docker engine answers"), StoryReading.read(verdicts));
        String chart = MemoryChart.svg("Memory per cycle", verdicts.stream().map(Verdict::observation).toList());
        Files.createDirectories(DIR);
        page = DIR.resolve("report.html");
        Files.writeString(page, HtmlReport.render(run, chart));
    }

    @Test
    @DisplayName("names no asset outside itself: no script, stylesheet, image or font to fetch")
    void selfContained() throws Exception {
        String html = Files.readString(page);
        assertThat(html).doesNotContain("<script", "<link", "url(", "<img");
        Matcher refs = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(html);
        while (refs.find()) {
            assertThat(refs.group(1)).as("a reference in the page").startsWith("#");
        }
        assertThat(html).contains("&lt;pid 1&gt;").as("process tables are escaped");
    }

    @Test
    @DisplayName("opens from file:// in headless Chromium, shows the matrix and the chart, loads nothing that fails")
    void opensInChromium() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM)).as("Chromium at " + CHROMIUM
                + ": ./zombielab test installs Debian's chromium; run the tests through it").isTrue();
        Path profile = Files.createTempDirectory("zombielab-chromium");
        Path screenshot = DIR.resolve("report.png");
        Files.deleteIfExists(screenshot);
        String url = page.toAbsolutePath().toUri().toString();
        Chromium dom = chromium(profile, "--dump-dom", url);
        assertThat(dom.exit()).as(dom.log()).isZero();
        assertThat(dom.out()).contains("<table id=\"matrix\">", "stage 1: original code [none/go/pid-kill]",
                "<figure id=\"chart\"><svg", "could not run: no Docker engine answers");
        assertThat(Pattern.compile("<tr><td><a href=\"#cell-").matcher(dom.out()).results().count()).isEqualTo(6);
        assertThat(dom.log()).doesNotContain("Failed to load resource", "ERR_FILE_NOT_FOUND", "net::ERR_");
        Chromium shot = chromium(profile, "--screenshot=" + screenshot.toAbsolutePath(), "--window-size=1280,1800", url);
        assertThat(shot.exit()).as(shot.log()).isZero();
        assertThat(Files.size(screenshot)).as("screenshot " + screenshot).isGreaterThan(10_000);
    }

    private record Chromium(int exit, String out, String log) {
    }

    private static Chromium chromium(Path profile, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--enable-logging=stderr", "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Path err = Files.createTempFile("zombielab-chromium", ".log");
        Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("Chromium did not finish within 60 s: " + Files.readString(err));
        }
        return new Chromium(p.exitValue(), out, Files.readString(err));
    }
}
