package io.zombielab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** What a {@code validate --junit} file says of each promise, as the deploy examples' tests compare it with the docker CLI. */
final class ValidateJunitFile {

    private static final String PREFIX = "zombielab.validate.";

    private ValidateJunitFile() {}

    /** What {@code validate ARGS --junit FILE} exited with, and the verdicts of its JUnit file. */
    record Validated(int exit, Map<String, String> verdicts) {}

    /**
     * Runs validate in-process with its reports and JUnit file in {@code dir}; the file must be there, or the
     * run's output says why not.
     */
    static Validated validate(Console console, Path dir, String... args) throws Exception {
        Path xml = dir.resolve("validate-junit.xml");
        List<String> argv = new ArrayList<>(List.of("validate"));
        argv.addAll(List.of(args));
        argv.addAll(List.of("--junit", xml.toString()));
        System.setProperty("zombielab.report.dir", dir.resolve("report").toString());
        int exit;
        try {
            exit = console.run(argv.toArray(String[]::new));
        } finally {
            System.clearProperty("zombielab.report.dir");
        }
        assertThat(xml).as(console.out() + console.err()).exists();
        return new Validated(exit, verdicts(xml));
    }

    /** "IMAGE-OR-SERVICE/promise" to {@link #outcome}, for every test case of the file. */
    static Map<String, String> verdicts(Path xml) throws Exception {
        Map<String, String> verdicts = new TreeMap<>();
        NodeList cases = parse(xml).getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            verdicts.put(c.getAttribute("classname").replace(PREFIX, "") + "/" + c.getAttribute("name"), outcome(c));
        }
        return verdicts;
    }

    /** "passed", "skipped: WHY", or the failure's (or error's) "TYPE: TEXT". */
    static String outcome(Element testcase) {
        NodeList failures = testcase.getElementsByTagName("failure").getLength() > 0
                ? testcase.getElementsByTagName("failure")
                : testcase.getElementsByTagName("error");
        if (failures.getLength() > 0) {
            Element f = (Element) failures.item(0);
            return f.getAttribute("type") + ": " + f.getTextContent();
        }
        NodeList skipped = testcase.getElementsByTagName("skipped");
        return skipped.getLength() > 0 ? "skipped: " + ((Element) skipped.item(0)).getAttribute("message") : "passed";
    }

    static Document parse(Path xml) throws Exception {
        return DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(xml.toFile());
    }
}
