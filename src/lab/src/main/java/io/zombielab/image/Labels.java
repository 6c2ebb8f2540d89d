package io.zombielab.image;

import java.util.Map;

/** The labels on everything zombielab creates, so that it can all be found and removed. */
public final class Labels {

    public static final String PROJECT = "io.zombielab";
    public static final String KIND = "io.zombielab.kind";
    public static final String RUN = "io.zombielab.run";
    public static final String SCENARIO = "io.zombielab.scenario";

    private Labels() {}

    public static Map<String, String> image(String kind) {
        return Map.of(PROJECT, "true", KIND, kind);
    }

    public static Map<String, String> scenarioContainer(String runId, String scenarioId) {
        return Map.of(PROJECT, "true", KIND, "scenario", RUN, runId, SCENARIO, scenarioId);
    }

    /** A pod cell's pause container: swept with its run like the cell's own container. */
    public static Map<String, String> podPause(String runId, String scenarioId) {
        return Map.of(PROJECT, "true", KIND, "pause", RUN, runId, SCENARIO, scenarioId);
    }

    /** The universal probe's sidecar beside a cell's container: swept with its run like any container of it. */
    public static Map<String, String> probeSidecar(String runId, String scenarioId) {
        return Map.of(PROJECT, "true", KIND, "probe", RUN, runId, SCENARIO, scenarioId);
    }
}
