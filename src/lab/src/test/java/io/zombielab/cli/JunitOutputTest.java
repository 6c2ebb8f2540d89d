package io.zombielab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zombielab.Settings;
import io.zombielab.promise.PromiseKit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code --junit FILE} through the command line, on real containers: what CI reads back maps to the cells and
 * promises that ran. The story's cells all hold, so the failing side comes from validate of a broken reaper
 * (zl-helper's inert init in front, as in BrokenReaperTest): exactly reaps-orphans fails, with the zombies in
 * its process table.
 */
@DisplayName("JUnit XML from the command line")
@Tag("container")
class JunitOutputTest {

    private final Console console = new Console();

    private int run(String... args) {
        return console.run(args);
    }

    private String err() {
        return console.err();
    }

    private static List<Element> testcases(Path file) throws Exception {
        Document doc =
                DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(file.toFile());
        NodeList list = doc.getElementsByTagName("testcase");
        List<Element> cases = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            cases.add((Element) list.item(i));
        }
        return cases;
    }

    private static List<Element> children(Element parent, String name) {
        NodeList list = parent.getElementsByTagName(name);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    @Test
    @DisplayName("matrix --reaper none --junit FILE story.yaml: a passing test case per cell, beside the table")
    void matrixCells() throws Exception {
        Path file = Path.of("target/junit-output-test/matrix.xml");
        Files.deleteIfExists(file);

        assertThat(run("matrix", "--reaper", "none", "--junit", file.toString(), "scenarios/story.yaml"))
                .as(err())
                .isEqualTo(ExitCode.OK);

        assertThat(console.out()).contains("2 of 2 cells hold");
        // Named as resolved: against where the caller stands (here, the working directory).
        assertThat(err()).contains("JUnit XML: " + file.toAbsolutePath() + " (2 test cases, 0 failed, 0 errors)");
        List<Element> cases = testcases(file);
        assertThat(cases)
                .extracting(c -> c.getAttribute("name"))
                .containsExactly(
                        "stage 1: original code [none/go/pid-kill]",
                        "stage 2: first fix (process group) [none/go/pgid-term]");
        assertThat(cases).allSatisfy(c -> {
            assertThat(c.getAttribute("classname")).isEqualTo("zombielab.matrix.story");
            assertThat(c.getAttribute("time")).matches("\\d+\\.\\d{3}");
            assertThat(children(c, "failure")).isEmpty();
            assertThat(children(c, "error")).isEmpty();
        });
        assertThat(children(cases.get(1), "system-out").get(0).getTextContent())
                .contains("zombies 6", "ok   zombies: expected 6, observed 6");
    }

    @Test
    @DisplayName(
            "validate of a reaper that reaps only its own child, --quiet --junit FILE: exactly reaps-orphans and orphan-storm fail, <defunct> in its table")
    void brokenReaper() throws Exception {
        Path file = Path.of("target/junit-output-test/validate-broken.xml");
        Files.deleteIfExists(file);

        int code = run(
                "validate",
                "--image",
                Settings.fromEnvironment().run().requireBaseImage(),
                "--entrypoint",
                PromiseKit.IN_CONTAINER + " inert-init --",
                "--name",
                "broken-reaper",
                "--quiet",
                "--junit",
                file.toString());

        assertThat(code).as(err()).isEqualTo(ExitCode.FAILED);
        List<Element> cases = testcases(file);
        assertThat(cases)
                .extracting(c -> c.getAttribute("name"))
                .containsExactly(
                        "reaps-orphans",
                        "passes-exit-code",
                        "passes-signal-death",
                        "forwards-sigterm",
                        "signal-reach",
                        "own-groups-unreached",
                        "sub-reaper",
                        "exit-code-in-race",
                        "not-pid1-warning",
                        "forwards-signals",
                        "exits-with-child",
                        "clean-signal-mask",
                        "lets-child-end",
                        "exec-failure",
                        "orphan-storm");
        assertThat(cases)
                .allSatisfy(c -> assertThat(c.getAttribute("classname")).isEqualTo("zombielab.validate.broken-reaper"));
        assertThat(cases)
                .filteredOn(c -> !children(c, "error").isEmpty())
                .as("promises that could not be checked")
                .isEmpty();
        List<Element> failed =
                cases.stream().filter(c -> !children(c, "failure").isEmpty()).toList();
        // Never reaping breaks the storm too: the same flaw.
        assertThat(failed).extracting(c -> c.getAttribute("name")).containsExactly("reaps-orphans", "orphan-storm");
        Element failure = children(failed.get(0), "failure").get(0);
        assertThat(failure.getAttribute("message"))
                .startsWith("broken-reaper breaks 'reaps-orphans'")
                .endsWith("expected reaped every orphan, observed left zombies");
        assertThat(failure.getTextContent())
                .contains("broken-reaper BREAKS 'reaps-orphans'", "5 left as zombies", "<defunct>");
        for (String reported : List.of("signal-reach", "sub-reaper", "not-pid1-warning")) {
            Element c = cases.stream()
                    .filter(e -> e.getAttribute("name").equals(reported))
                    .findFirst()
                    .orElseThrow();
            assertThat(children(c, "system-out").get(0).getTextContent()).startsWith("reported, not judged");
        }
    }
}
