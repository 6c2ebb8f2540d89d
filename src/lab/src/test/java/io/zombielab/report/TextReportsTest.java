package io.zombielab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The reports for machines and for CI summaries, on a story run made without containers. */
@Tag("unit")
class TextReportsTest {

    private static final RunReport RUN = SampleRuns.story();

    @Test
    @DisplayName("the JSON report parses, and carries every cell with its checks and per-cycle samples")
    @SuppressWarnings("unchecked")
    void json() {
        Map<String, Object> json =
                (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(JsonReport.render(RUN));
        assertThat(json).containsEntry("cells", 7).containsEntry("holding", 6).containsEntry("allHold", false);
        List<Map<String, Object>> cells = (List<Map<String, Object>>) json.get("verdicts");
        assertThat(cells).hasSize(6);
        Map<String, Object> stage1 = cells.get(0);
        assertThat(stage1)
                .containsEntry("id", "none/go/pid-kill")
                .containsEntry("holds", true)
                .containsEntry("liveOrphans", Map.of("observed", 9, "expected", 9));
        assertThat((List<?>) stage1.get("samples")).hasSize(4);
        assertThat((List<?>) stage1.get("checks")).hasSize(5);
        assertThat((List<Map<String, Object>>) json.get("errors"))
                .singleElement()
                .isEqualTo(Map.of("id", "none/go/pid-kill", "name", "x", "cause", "no Docker engine answers"));
    }

    @Test
    @DisplayName("the Markdown report is a table with a row per cell, the story's reading, and what could not run")
    void markdown() {
        String md = MarkdownReport.render(RUN);
        assertThat(md).startsWith("## zombielab: 6 of 7 cells hold");
        assertThat(md.lines().filter(l -> l.startsWith("| stage") || l.startsWith("| an init")))
                .hasSize(6);
        assertThat(md)
                .contains(
                        "| stage 1: original code [none/go/pid-kill] | none | pid-kill | 3/3 | 0 | 9 | +91.0 MiB",
                        "- Stage 1, original code",
                        "**could not run**: scenario x");
    }
}
