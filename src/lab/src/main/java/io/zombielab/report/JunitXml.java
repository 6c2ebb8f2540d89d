package io.zombielab.report;

import java.io.StringWriter;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a {@link JunitReport} as JUnit XML, the Ant/Surefire {@code TEST-*.xml} format GitLab, GitHub's
 * test-report actions and Jenkins read: {@code <testsuites>}, a {@code <testsuite>} per file or init with
 * name, tests, failures, errors, skipped, time, timestamp and hostname, a {@code <testcase>} per cell or
 * promise with classname, name and time, and in it a {@code <failure>} or {@code <error>} (message, type, the
 * evidence as text) and {@code <system-out>}. Written with the JDK's StAX writer, which escapes markup; text
 * XML 1.0 cannot hold (control characters in a container's log, say) is replaced first. It renders only:
 * {@link ReportFile} writes it.
 */
public final class JunitXml {

    /** The schema's timestamp: ISO 8601 with no zone (it allows none); zombielab writes UTC. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private static final String INDENT = "  ";

    private JunitXml() {}

    /** The report as an XML document, UTF-8, one element a line. */
    public static String render(JunitReport report) {
        StringWriter text = new StringWriter();
        try {
            // The JDK's own writer, whatever StAX implementation a classpath brings.
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            newline(xml, 0);
            xml.writeStartElement("testsuites");
            attribute(xml, "name", report.name());
            attribute(xml, "tests", Long.toString(report.tests()));
            attribute(xml, "failures", Long.toString(report.failures()));
            attribute(xml, "errors", Long.toString(report.errors()));
            attribute(xml, "time", seconds(report.time()));
            for (JunitReport.Suite suite : report.suites()) {
                suite(xml, suite);
            }
            newline(xml, 0);
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML: " + e.getMessage(), e);
        }
        return text.toString();
    }

    private static void suite(XMLStreamWriter xml, JunitReport.Suite suite) throws XMLStreamException {
        newline(xml, 1);
        xml.writeStartElement("testsuite");
        attribute(xml, "name", suite.name());
        attribute(xml, "tests", Long.toString(suite.tests()));
        attribute(xml, "failures", Long.toString(suite.failures()));
        attribute(xml, "errors", Long.toString(suite.errors()));
        attribute(xml, "skipped", Long.toString(suite.skipped()));
        attribute(xml, "time", seconds(suite.time()));
        attribute(xml, "timestamp", TIMESTAMP.format(suite.timestamp()));
        attribute(xml, "hostname", suite.hostname());
        if (!suite.properties().isEmpty()) {
            newline(xml, 2);
            xml.writeStartElement("properties");
            for (Map.Entry<String, String> p : new TreeMap<>(suite.properties()).entrySet()) {
                newline(xml, 3);
                xml.writeEmptyElement("property");
                attribute(xml, "name", p.getKey());
                attribute(xml, "value", p.getValue());
            }
            newline(xml, 2);
            xml.writeEndElement();
        }
        for (JunitReport.Case c : suite.cases()) {
            testcase(xml, c);
        }
        newline(xml, 1);
        xml.writeEndElement();
    }

    private static void testcase(XMLStreamWriter xml, JunitReport.Case c) throws XMLStreamException {
        boolean empty =
                c.result() instanceof JunitReport.Result.Passed && c.systemOut().isEmpty();
        newline(xml, 2);
        if (empty) {
            xml.writeEmptyElement("testcase");
        } else {
            xml.writeStartElement("testcase");
        }
        attribute(xml, "classname", c.classname());
        attribute(xml, "name", c.name());
        if (c.time().isPresent()) {
            attribute(xml, "time", seconds(c.time().get()));
        }
        if (empty) {
            return;
        }
        if (c.result() instanceof JunitReport.Result.Failed f) {
            problem(xml, "failure", f.message(), f.type(), f.detail());
        } else if (c.result() instanceof JunitReport.Result.Errored e) {
            problem(xml, "error", e.message(), e.type(), e.detail());
        } else if (c.result() instanceof JunitReport.Result.Skipped s) {
            newline(xml, 3);
            xml.writeEmptyElement("skipped");
            attribute(xml, "message", s.message());
        }
        if (!c.systemOut().isEmpty()) {
            newline(xml, 3);
            xml.writeStartElement("system-out");
            xml.writeCharacters(text(c.systemOut()));
            xml.writeEndElement();
        }
        newline(xml, 2);
        xml.writeEndElement();
    }

    private static void problem(XMLStreamWriter xml, String element, String message, String type, String detail)
            throws XMLStreamException {
        newline(xml, 3);
        xml.writeStartElement(element);
        attribute(xml, "message", message);
        attribute(xml, "type", type);
        xml.writeCharacters(text(detail));
        xml.writeEndElement();
    }

    private static void attribute(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        // A parser turns a raw newline in an attribute into a space anyway; saying so keeps messages one line.
        xml.writeAttribute(name, text(value).replaceAll("[\r\n\t]+", " "));
    }

    private static void newline(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + INDENT.repeat(depth));
    }

    /** "12.345": seconds, as the schema has them. */
    static String seconds(Duration time) {
        return String.format(Locale.ROOT, "%.3f", time.toMillis() / 1000.0);
    }

    /**
     * {@code value} with every character XML 1.0 cannot hold (controls other than tab, newline and carriage
     * return, lone surrogates, U+FFFE and U+FFFF) written as {@code \\uXXXX}, so the reader still sees what was there.
     */
    static String text(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean pair = Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            if (pair) {
                if (out != null) {
                    out.append(c).append(value.charAt(i + 1));
                }
                i++;
                continue;
            }
            boolean allowed =
                    c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (allowed) {
                if (out != null) {
                    out.append(c);
                }
            } else {
                if (out == null) {
                    out = new StringBuilder(value.length() + 16).append(value, 0, i);
                }
                out.append(String.format("\\u%04X", (int) c));
            }
        }
        return out == null ? value : out.toString();
    }
}
