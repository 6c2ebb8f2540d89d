package io.zombielab.report;

import io.zombielab.scenario.Scenario;

/**
 * A cell that could not run, so has no verdict: which cell, and why (the engine went away, its image did not
 * build, it timed out). Reported as an error, never as a pass.
 */
public record CellError(String id, String name, String cause) {

    public static CellError of(Scenario cell, String cause) {
        return new CellError(cell.id(), cell.name(), cause);
    }

    /** "scenario stage 1: original code [none/go/pid-kill] could not run: ..." */
    public String line() {
        return "scenario " + name + " [" + id + "] could not run: " + cause;
    }
}
