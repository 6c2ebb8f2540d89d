package io.zombielab.verdict;

import io.zombielab.observe.FamilyObservation;
import io.zombielab.scenario.Expected;
import io.zombielab.scenario.Measure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A family cell's checks, one per measure it expects, and the observation they were made on. */
public record FamilyVerdict(FamilyObservation observation, List<Check> checks) {

    public FamilyVerdict {
        checks = List.copyOf(checks);
    }

    /**
     * Each expectation against what was measured: an exact one is a count, a bound is described. A measure the
     * door could not take fails: a check that could not look is never a pass.
     */
    public static FamilyVerdict judge(FamilyObservation o) {
        List<Check> checks = new ArrayList<>();
        for (Map.Entry<Measure, Expected> e : new java.util.TreeMap<>(o.cell().expect()).entrySet()) {
            Measure measure = e.getKey();
            Double value = o.measured().get(measure);
            if (value == null) {
                checks.add(new Check.Described(measure.id(), e.getValue().describe(measure), "not measured", false));
            } else if (e.getValue() instanceof Expected.Exactly exactly) {
                checks.add(new Check.Count(measure.id(), exactly.value(), Math.round(value)));
            } else {
                checks.add(new Check.Described(
                        measure.id(),
                        e.getValue().describe(measure),
                        measure.format(value),
                        e.getValue().admits(value)));
            }
        }
        return new FamilyVerdict(o, checks);
    }

    public boolean holds() {
        return checks.stream().allMatch(Check::passed);
    }

    /** Which family cell, which expectations, and the process table that broke them. */
    public String explain() {
        return "family cell " + observation.cell() + (holds() ? " holds" : " does not hold") + ":\n"
                + checks.stream().map(c -> "  " + c.line()).collect(Collectors.joining("\n"))
                + "\nprocess table after run " + observation.runs().size() + ":\n" + observation.processTable()
                + "\ncontainer log:\n"
                + observation.containerLog().lines().map(l -> "  " + l).collect(Collectors.joining("\n"));
    }
}
