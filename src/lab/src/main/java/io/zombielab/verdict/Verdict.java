package io.zombielab.verdict;

import io.zombielab.observe.ScenarioObservation;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * A scenario's checks, and the observation they were made on.
 *
 * @param memoryGrowthMibPerCycle the fitted growth of anonymous memory; empty when the probe gave no figure
 */
public record Verdict(ScenarioObservation observation, List<Check> checks, OptionalDouble memoryGrowthMibPerCycle) {

    public Verdict {
        checks = List.copyOf(checks);
    }

    public boolean holds() {
        return checks.stream().allMatch(Check::passed);
    }

    /** What a failed assertion shows: which scenario, which expectations, and the process table that broke them. */
    public String explain() {
        return "scenario " + observation.scenario() + (holds() ? " holds" : " does not hold") + ":\n"
                + checks.stream().map(c -> "  " + c.line()).collect(Collectors.joining("\n"))
                + "\nprocess table after cycle " + observation.completedCycles() + ":\n"
                + observation.end().table();
    }
}
