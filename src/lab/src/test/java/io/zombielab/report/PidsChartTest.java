package io.zombielab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The PIDs chart beside the memory chart: valid SVG, a line per cell, lines on the same values told apart. */
@Tag("unit")
class PidsChartTest {

    private static List<int[]> climbing(int runs, int perRun) {
        List<int[]> points = new ArrayList<>();
        for (int r = 0; r <= runs; r++) {
            points.add(new int[] {r, r * perRun});
        }
        return points;
    }

    @Test
    @DisplayName(
            "a bug line climbs, two fix lines lie on 0 and are told apart by width and dash; legends end with the last count")
    void overlappingLinesAreToldApart() throws Exception {
        String svg = PidsChart.svg(
                "zombies",
                List.of(
                        new PidsChart.Series("bug", climbing(10, 1)),
                        new PidsChart.Series("fix under tini", climbing(10, 0)),
                        new PidsChart.Series("fix under --init", climbing(10, 0))));
        Document doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        NodeList lines = doc.getElementsByTagName("polyline");
        assertThat(lines.getLength()).isEqualTo(3);
        Set<String> styles = new HashSet<>();
        for (int i = 0; i < lines.getLength(); i++) {
            Element e = (Element) lines.item(i);
            styles.add(e.getAttribute("stroke-width") + "/" + e.getAttribute("stroke-dasharray"));
        }
        assertThat(styles).as("each line's width and dash pattern").hasSize(3);
        assertThat(svg).contains("bug (10 after the last)", "fix under tini (0 after the last)", "zombies (PIDs held)");
    }
}
