package io.zombielab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** A run's report.json (what `matrix --json` prints), read back for assertions. */
record ReportJson(Map<String, Object> top) {

    @SuppressWarnings("unchecked")
    static ReportJson parse(String json) {
        // JSON is YAML: the scenario files' parser reads the reports too.
        return new ReportJson(
                (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(json));
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> cells() {
        return (List<Map<String, Object>>) top.get("verdicts");
    }

    String observedBy() {
        return String.valueOf(top.get("observedBy"));
    }

    /** Every cell held, none could not run; the message lists each cell's checks otherwise. */
    void assertAllHold(String context) {
        assertThat(top.get("errors"))
                .as(context + ": cells that could not run")
                .asList()
                .isEmpty();
        assertThat(cells()).as(context).isNotEmpty().allSatisfy(cell -> assertThat(cell.get("holds"))
                .as(context + ": " + cell.get("name") + " [" + cell.get("id") + "]: " + cell.get("checks"))
                .isEqualTo(true));
    }

    /** The observed zombie count of each cell, by its id (the first cell with an id wins). */
    @SuppressWarnings("unchecked")
    Map<String, Object> zombies(String id) {
        return cells().stream()
                .filter(c -> c.get("id").equals(id))
                .findFirst()
                .map(c -> (Map<String, Object>) c.get("zombies"))
                .orElseThrow(() -> new AssertionError("no cell " + id));
    }
}
