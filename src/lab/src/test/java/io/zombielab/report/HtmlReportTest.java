package io.zombielab.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.zombielab.verdict.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report opens from file:// in a real browser (Debian's Chromium, headless), shows the matrix,
 * and fetches nothing. The screenshot is kept as an artifact: target/zombielab-report-test/report.png.
 */
@DisplayName("The HTML report")
@Tag("browser")
class HtmlReportTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DIR = Path.of("target/zombielab-report-test");
    private static Path page;
    private static RunReport run;

    @BeforeAll
    static void writeThePage() throws Exception {
        run = SampleRuns.story();
        String chart = MemoryChart.svg(
                "Memory per cycle",
                run.verdicts().stream().map(Verdict::observation).toList());
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
        assertThat(html).contains("process table while the first cycle was up", "process table after cycle 3");
    }

    @Test
    @DisplayName("opens from file:// in headless Chromium, shows the matrix and the chart, loads nothing that fails")
    void opensInChromium(@TempDir Path scratch) throws Exception {
        assertThat(Files.isExecutable(CHROMIUM))
                .as("Chromium at " + CHROMIUM
                        + ": ./zombielab test installs Debian's chromium; run the tests through it")
                .isTrue();
        Path profile = Files.createDirectories(scratch.resolve("chromium-profile"));
        Path screenshot = DIR.resolve("report.png");
        Files.deleteIfExists(screenshot);
        String url = page.toAbsolutePath().toUri().toString();
        Chromium dom = chromium(profile, scratch, "--dump-dom", url);
        assertThat(dom.exit()).as(dom.log()).isZero();
        assertThat(dom.out())
                .contains(
                        "<table id=\"matrix\">",
                        "stage 1: original code [none/go/pid-kill]",
                        "<figure id=\"chart\"><svg",
                        "could not run: no Docker engine answers");
        assertThat(Pattern.compile("<tr><td><a href=\"#cell-")
                        .matcher(dom.out())
                        .results()
                        .count())
                .isEqualTo(6);
        assertThat(dom.log()).doesNotContain("Failed to load resource", "ERR_FILE_NOT_FOUND", "net::ERR_");
        Chromium shot = chromium(
                profile, scratch, "--screenshot=" + screenshot.toAbsolutePath(), "--window-size=1280,1800", url);
        assertThat(shot.exit()).as(shot.log()).isZero();
        assertThat(Files.size(screenshot)).as("screenshot " + screenshot).isGreaterThan(10_000);
    }

    private record Chromium(int exit, String out, String log) {}

    private static Chromium chromium(Path profile, Path scratch, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--enable-logging=stderr",
                "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Path err = Files.createTempFile(scratch, "chromium", ".log");
        Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("Chromium did not finish within 60 s: " + Files.readString(err));
        }
        return new Chromium(p.exitValue(), out, Files.readString(err));
    }
}
