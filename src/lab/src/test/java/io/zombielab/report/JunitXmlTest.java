package io.zombielab.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.zombielab.observe.ScenarioObservation;
import io.zombielab.probe.ProbeMode;
import io.zombielab.promise.Grading;
import io.zombielab.promise.PromiseOutcome;
import io.zombielab.promise.PromiseResult;
import io.zombielab.promise.PromiseVerdict;
import io.zombielab.promise.Promises;
import io.zombielab.promise.ReaperUnderTest;
import io.zombielab.verdict.Check;
import io.zombielab.verdict.Verdict;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** JUnit XML for CI, on runs made without containers, read back with the JDK's DOM parser. */
@Tag("unit")
class JunitXmlTest {

    private static final Path STORY = Path.of("scenarios/story.yaml");
    private static final Path MINE = Path.of("my.cells.yaml");
    private static final String DEFUNCT_TABLE = """
               PID   PPID   PGID STAT  RSS(KiB) CHAIN  COMMAND
                 1      0      1 S       4636 -      supervisor-go <pid 1>
                21      1     20 Z          0 c1     [zl-c1-L1] <defunct>
            """;

    /** The story run with stage 2 not holding (one zombie short), its cells split over two files, one that could not run. */
    private static JunitReport matrix() {
        RunReport run = SampleRuns.story();
        List<CellResult> cells = new ArrayList<>();
        for (int i = 0; i < run.verdicts().size(); i++) {
            Verdict v = run.verdicts().get(i);
            if (i == 1) {
                ScenarioObservation o = v.observation();
                v = new Verdict(
                        new ScenarioObservation(
                                o.scenario(),
                                o.probe(),
                                o.samples(),
                                new ScenarioObservation.End(
                                        o.end().snapshot(), o.end().census(), DEFUNCT_TABLE),
                                o.up(),
                                o.endedEarly(),
                                o.containerLog(),
                                o.elapsed()),
                        List.of(new Check.Count("zombies", 6, 5), new Check.Count("live orphans", 0, 0)),
                        v.memoryGrowthMibPerCycle());
            }
            cells.add(new CellResult.Judged(i < 4 ? STORY : MINE, v));
        }
        cells.add(new CellResult.CouldNotRun(STORY, run.errors().get(0)));
        return MatrixJunit.report(run, cells, "ci-runner");
    }

    /** validate of an init that breaks reaps-orphans, keeps the exit code, is not judged on reach, and could not be checked on SIGTERM. */
    private static JunitReport validate() {
        ReaperUnderTest init =
                ReaperUnderTest.init("broken.reaper", "img", Optional.of(List.of("/zl", "inert-init", "--")), false);
        PromiseVerdict.Seen seen = new PromiseVerdict.Seen(
                Optional.of(143L), DEFUNCT_TABLE, "zl-helper: orphans done\u001b[0m\n", Optional.of(ProbeMode.HOST));
        PromiseVerdict broken = new PromiseVerdict(
                init,
                Promises.REAPS_ORPHANS,
                PromiseOutcome.LEFT_ZOMBIES,
                Optional.of(PromiseOutcome.REAPED),
                Optional.empty(),
                "0 of 5 reaped within 3000 ms (5 left as zombies)",
                seen);
        PromiseVerdict kept = new PromiseVerdict(
                init,
                Promises.PASSES_EXIT_CODE,
                PromiseOutcome.EXIT_CODE_PASSED,
                Optional.of(PromiseOutcome.EXIT_CODE_PASSED),
                Optional.empty(),
                "the child exited 7, the container: exit code 7",
                new PromiseVerdict.Seen(Optional.of(7L), "", "", Optional.empty()));
        PromiseVerdict reported = new PromiseVerdict(
                init,
                Promises.SIGNAL_REACH,
                PromiseOutcome.WHOLE_GROUP,
                Optional.empty(),
                Optional.empty(),
                "3 of the 3 processes of the child's group got SIGTERM",
                seen);
        List<PromiseResult> results = List.of(
                new PromiseResult.Judged(broken),
                new PromiseResult.Judged(kept),
                new PromiseResult.NotChecked(
                        init, Promises.FORWARDS_SIGTERM, "the engine went away\n(connection refused)"),
                new PromiseResult.Judged(reported));
        return PromiseJunit.report(
                new ValidateReport(init, Grading.DEFAULT, Optional.empty(), results),
                Instant.parse("2026-11-27T13:00:00Z"),
                Duration.ofMillis(15_500),
                "ci-runner");
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newDefaultInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<Element> testcases(Document doc) {
        var list = doc.getElementsByTagName("testcase");
        return IntStream.range(0, list.getLength())
                .mapToObj(i -> (Element) list.item(i))
                .toList();
    }

    private static Element testcase(Document doc, String name) {
        return testcases(doc).stream()
                .filter(t -> t.getAttribute("name").equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no testcase named " + name));
    }

    @Test
    @DisplayName(
            "matrix: a test suite per scenario file, a test case per cell named as the reports name it, counted right")
    void matrixCounts() throws Exception {
        Document doc = parse(JunitXml.render(matrix()));
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(Map.of(
                        "tests",
                        root.getAttribute("tests"),
                        "failures",
                        root.getAttribute("failures"),
                        "errors",
                        root.getAttribute("errors")))
                .isEqualTo(Map.of("tests", "7", "failures", "1", "errors", "1"));
        List<Element> suites = children(root, "testsuite");
        assertThat(suites)
                .extracting(s -> s.getAttribute("name"))
                .containsExactly("zombielab.matrix.story", "zombielab.matrix.my_cells");
        assertThat(suites).extracting(s -> s.getAttribute("tests")).containsExactly("5", "2");
        assertThat(suites.get(0).getAttribute("hostname")).isEqualTo("ci-runner");
        assertThat(testcases(doc))
                .extracting(t -> t.getAttribute("name"))
                .startsWith(
                        "stage 1: original code [none/go/pid-kill]",
                        "stage 2: first fix (process group) [none/go/pgid-term]");
        Element stage1 = testcase(doc, "stage 1: original code [none/go/pid-kill]");
        assertThat(stage1.getAttribute("classname")).isEqualTo("zombielab.matrix.story");
        assertThat(stage1.getAttribute("time")).isEqualTo("3.000");
        assertThat(children(stage1, "failure")).isEmpty();
        assertThat(children(stage1, "system-out").get(0).getTextContent())
                .contains(
                        "none/go/pid-kill: 3/3 cycles; zombies 0; live orphans 9",
                        "ok   live orphans: expected 9, observed 9");
    }

    @Test
    @DisplayName(
            "a cell that does not hold: a failure naming the scenario and the expectation, the checks and process table as its text")
    void matrixFailure() throws Exception {
        Element failure = children(
                        testcase(
                                parse(JunitXml.render(matrix())),
                                "stage 2: first fix (process group) [none/go/pgid-term]"),
                        "failure")
                .get(0);
        assertThat(failure.getAttribute("message"))
                .isEqualTo(
                        "scenario stage 2: first fix (process group) [none/go/pgid-term] does not hold: zombies: expected 6, observed 5");
        assertThat(failure.getAttribute("type")).isEqualTo("DoesNotHold");
        assertThat(failure.getTextContent())
                .contains(
                        "FAIL zombies: expected 6, observed 5",
                        "ok   live orphans: expected 0, observed 0",
                        "process table after cycle 3:",
                        "[zl-c1-L1] <defunct>",
                        "supervisor-go <pid 1>",
                        "per cycle:");
    }

    @Test
    @DisplayName("a cell that could not run: an error with its reason, no time it never took")
    void matrixError() throws Exception {
        Element cell = testcases(parse(JunitXml.render(matrix()))).stream()
                .filter(t -> !children(t, "error").isEmpty())
                .findFirst()
                .orElseThrow();
        assertThat(cell.getAttribute("classname")).isEqualTo("zombielab.matrix.story");
        assertThat(cell.getAttribute("name")).isEqualTo("x [none/go/pid-kill]");
        assertThat(cell.hasAttribute("time")).isFalse();
        Element error = children(cell, "error").get(0);
        assertThat(error.getAttribute("message"))
                .isEqualTo("scenario x [none/go/pid-kill] could not run: no Docker engine answers");
        assertThat(error.getAttribute("type")).isEqualTo("CouldNotRun");
    }

    @Test
    @DisplayName("validate: a test case per promise; the broken one fails with its explanation and process table")
    void validateBroken() throws Exception {
        Document doc = parse(JunitXml.render(validate()));
        Element suite = children(doc.getDocumentElement(), "testsuite").get(0);
        assertThat(suite.getAttribute("name")).isEqualTo("zombielab.validate.broken_reaper");
        assertThat(suite.getAttribute("timestamp")).isEqualTo("2026-11-27T13:00:00");
        assertThat(suite.getAttribute("time")).isEqualTo("15.500");
        assertThat(testcases(doc))
                .extracting(t -> t.getAttribute("name"))
                .containsExactly("reaps-orphans", "passes-exit-code", "forwards-sigterm", "signal-reach");
        assertThat(testcases(doc))
                .allSatisfy(t -> assertThat(t.getAttribute("classname")).isEqualTo("zombielab.validate.broken_reaper"));
        Element failure = children(testcase(doc, "reaps-orphans"), "failure").get(0);
        assertThat(failure.getAttribute("message"))
                .startsWith("broken.reaper breaks 'reaps-orphans' (")
                .endsWith("): expected reaped every orphan, observed left zombies");
        assertThat(failure.getAttribute("type")).isEqualTo("PromiseBroken");
        assertThat(failure.getTextContent())
                .contains("broken.reaper BREAKS 'reaps-orphans'", "5 left as zombies", "[zl-c1-L1] <defunct>");
    }

    @Test
    @DisplayName("validate: a promise kept too late is a failure of its own type, its latency in the message")
    void validateSlow() throws Exception {
        ReaperUnderTest init =
                ReaperUnderTest.init("timer", "img", Optional.of(List.of("/zl", "timer-init", "--")), false);
        PromiseVerdict slow = new PromiseVerdict(
                init,
                Promises.REAPS_ORPHANS,
                PromiseOutcome.REAPED_SLOWLY,
                Optional.of(PromiseOutcome.REAPED),
                Optional.of(Duration.ofMillis(2100)),
                "5 of 5 reaped, the slowest after 2100.0 ms",
                new PromiseVerdict.Seen(Optional.of(143L), "", "", Optional.of(ProbeMode.HOST)));
        JunitReport report = PromiseJunit.report(
                new ValidateReport(init, Grading.DEFAULT, Optional.empty(), List.of(new PromiseResult.Judged(slow))),
                Instant.parse("2026-11-27T13:00:00Z"),
                Duration.ofSeconds(9),
                "ci-runner");
        Element failure = children(testcase(parse(JunitXml.render(report)), "reaps-orphans"), "failure")
                .get(0);
        assertThat(failure.getAttribute("type")).isEqualTo("PromiseSlow");
        assertThat(failure.getAttribute("message"))
                .startsWith("timer is slow to keep 'reaps-orphans'")
                .endsWith("observed reaped every orphan, slowly (2.10 s)");
    }

    @Test
    @DisplayName(
            "validate: a promise measured but not judged passes and says what was seen; one not checked is an error")
    void validateReportedAndNotChecked() throws Exception {
        Document doc = parse(JunitXml.render(validate()));
        Element reach = testcase(doc, "signal-reach");
        assertThat(children(reach, "failure")).isEmpty();
        assertThat(children(reach, "system-out").get(0).getTextContent())
                .startsWith(
                        "reported, not judged (no expectation for broken.reaper): observed the child's whole group; 3 of the 3 processes");
        Element error = children(testcase(doc, "forwards-sigterm"), "error").get(0);
        assertThat(error.getAttribute("message"))
                .isEqualTo("broken.reaper: 'forwards-sigterm' could not be checked: the engine went away");
        assertThat(error.getTextContent()).contains("(connection refused)");
        assertThat(doc.getDocumentElement().getAttribute("errors")).isEqualTo("1");
        assertThat(children(testcase(doc, "passes-exit-code"), "system-out")
                        .get(0)
                        .getTextContent())
                .contains("kept: expected exit code passed through", "the container's exit code: 7");
    }

    @Test
    @DisplayName(
            "awkward text survives: markup, quotes and ampersands escaped; characters XML 1.0 forbids written as \\uXXXX")
    void escaping() throws Exception {
        String awkward = "a <b> & \"c\" 'd' ]]> \u00e9 \ud83d\udc80";
        String controls = "colour \u001b[31mred\u001b[0m nul \u0000 bell \u0007 lone \ud800 end";
        JunitReport report = new JunitReport(
                awkward,
                Duration.ofSeconds(1),
                List.of(new JunitReport.Suite(
                        awkward,
                        "h",
                        Instant.EPOCH,
                        Duration.ofSeconds(1),
                        Map.of("p", awkward),
                        List.of(new JunitReport.Case(
                                awkward,
                                controls,
                                Optional.of(Duration.ofMillis(5)),
                                new JunitReport.Result.Failed(
                                        controls + "\nsecond line", "t", awkward + "\n" + controls),
                                controls)))));
        Document doc = parse(JunitXml.render(report));
        String cleaned = "colour \\u001B[31mred\\u001B[0m nul \\u0000 bell \\u0007 lone \\uD800 end";
        Element c = testcases(doc).get(0);
        assertThat(c.getAttribute("classname")).isEqualTo(awkward);
        assertThat(c.getAttribute("name")).isEqualTo(cleaned);
        Element failure = children(c, "failure").get(0);
        assertThat(failure.getAttribute("message")).as("one line").isEqualTo(cleaned + " second line");
        assertThat(failure.getTextContent()).isEqualTo(awkward + "\n" + cleaned);
        assertThat(children(c, "system-out").get(0).getTextContent()).isEqualTo(cleaned);
        assertThat(((Element) doc.getElementsByTagName("property").item(0)).getAttribute("value"))
                .isEqualTo(awkward);
    }

    @Test
    @DisplayName(
            "the structure CI systems expect: every testcase named and classed, each suite's and the root's counts right")
    void structure() throws Exception {
        for (JunitReport report : List.of(matrix(), validate())) {
            Document doc = parse(JunitXml.render(report));
            Element root = doc.getDocumentElement();
            assertThat(root.getTagName()).isEqualTo("testsuites");
            int tests = 0;
            int failures = 0;
            int errors = 0;
            for (Element suite : children(root, "testsuite")) {
                assertThat(suite.getAttribute("name")).isNotBlank();
                assertThat(suite.getAttribute("hostname")).isNotBlank();
                assertThat(suite.getAttribute("timestamp")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");
                assertThat(suite.getAttribute("time")).matches("\\d+\\.\\d{3}");
                assertThat(suite.getAttribute("skipped")).isEqualTo("0");
                List<Element> cases = children(suite, "testcase");
                assertThat(cases).allSatisfy(t -> {
                    assertThat(t.getAttribute("classname")).isNotBlank();
                    assertThat(t.getAttribute("name")).isNotBlank();
                    assertThat(children(t, "failure").size()
                                    + children(t, "error").size())
                            .as("one outcome")
                            .isLessThanOrEqualTo(1);
                });
                long failed = cases.stream()
                        .filter(t -> !children(t, "failure").isEmpty())
                        .count();
                long errored = cases.stream()
                        .filter(t -> !children(t, "error").isEmpty())
                        .count();
                assertThat(suite.getAttribute("tests")).isEqualTo(Integer.toString(cases.size()));
                assertThat(suite.getAttribute("failures")).isEqualTo(Long.toString(failed));
                assertThat(suite.getAttribute("errors")).isEqualTo(Long.toString(errored));
                tests += cases.size();
                failures += (int) failed;
                errors += (int) errored;
            }
            assertThat(root.getAttribute("tests")).isEqualTo(Integer.toString(tests));
            assertThat(root.getAttribute("failures")).isEqualTo(Integer.toString(failures));
            assertThat(root.getAttribute("errors")).isEqualTo(Integer.toString(errors));
        }
    }
}
