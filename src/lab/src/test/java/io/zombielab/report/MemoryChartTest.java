package io.zombielab.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.zombielab.TestFigures;
import io.zombielab.observe.Census;
import io.zombielab.observe.CycleSample;
import io.zombielab.observe.EndedEarly;
import io.zombielab.observe.ProcessTree;
import io.zombielab.observe.ScenarioObservation;
import io.zombielab.probe.ProbeMode;
import io.zombielab.probe.Snapshot;
import io.zombielab.scenario.Scenario;
import io.zombielab.scenario.ScenarioFiles;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

@Tag("unit")
class MemoryChartTest {

    private static final List<Scenario> STORY = ScenarioFiles.load(List.of(Path.of("scenarios/story.yaml")));

    private static ScenarioObservation growing(
            Scenario scenario, long mibPerCycle, int cycles, Optional<EndedEarly> end) {
        List<CycleSample> samples = new ArrayList<>();
        Census none = new Census(List.of(), List.of());
        for (int c = 0; c <= cycles; c++) {
            samples.add(new CycleSample(c, TestFigures.figures(0, (20L + c * mibPerCycle) << 20, 5, 512, 0, 0), none));
        }
        return new ScenarioObservation(
                scenario,
                ProbeMode.HOST,
                samples,
                new ScenarioObservation.End(
                        new Snapshot(
                                Instant.EPOCH, List.of(), samples.get(cycles).cgroup()),
                        none,
                        ""),
                new ScenarioObservation.Up(ProcessTree.NONE, ""),
                end,
                "",
                Duration.ZERO);
    }

    @Test
    @DisplayName(
            "one well-formed SVG: a line per cell with a point per cycle, a legend naming each cell and how it ended")
    void drawsEveryCell() throws Exception {
        String svg = MemoryChart.svg(
                "stage 1 <vs> stage 3",
                List.of(
                        growing(STORY.get(0), 90, 3, Optional.empty()),
                        growing(STORY.get(3), 0, 3, Optional.empty()),
                        growing(
                                STORY.get(2),
                                90,
                                2,
                                Optional.of(
                                        EndedEarly.oomKill("cycle 3: the kernel's OOM killer killed 1 process(es)")))));
        Document doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        NodeList lines = doc.getElementsByTagName("polyline");
        assertThat(lines.getLength()).isEqualTo(3);
        assertThat(lines.item(0)
                        .getAttributes()
                        .getNamedItem("points")
                        .getNodeValue()
                        .split(" "))
                .hasSize(4);
        assertThat(lines.item(2)
                        .getAttributes()
                        .getNamedItem("points")
                        .getNodeValue()
                        .split(" "))
                .hasSize(3);
        assertThat(doc.getDocumentElement().getTextContent())
                .contains(
                        "stage 1 <vs> stage 3",
                        "stage 1: original code [none/go/pid-kill]",
                        "stage 3: final fix (tini + process group) [tini/go/pgid-term]",
                        "OOM kill at cycle 3",
                        "memory limit 1024 MiB");
    }

    @Test
    @DisplayName("the memory axis ends on a round number at or above the highest sample")
    void roundAxis() {
        assertThat(LineChart.niceCeiling(290)).isEqualTo(300);
        assertThat(LineChart.niceCeiling(170)).isEqualTo(200);
        assertThat(LineChart.niceCeiling(242)).isEqualTo(250);
        assertThat(LineChart.niceCeiling(100)).isEqualTo(100);
        assertThat(LineChart.niceCeiling(0.7)).isEqualTo(0.8);
    }
}
