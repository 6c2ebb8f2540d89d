package io.zombielab.scenario;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One cell of a scenario family: a variant behind the family's door under a reaper, run {@code runs} times,
 * and what it must measure.
 *
 * @param family the family's id (its file's name)
 * @param guard  part of the named subset the default test run runs (one bug and one fix cell per family)
 * @param grace  how long a stop waits for the container before SIGKILL (the engine's stop timeout)
 */
public record FamilyCell(
        String family,
        String name,
        Role role,
        FamilyVariant variant,
        Reaper reaper,
        int runs,
        Duration grace,
        Map<Measure, Expected> expect,
        boolean guard) {

    public FamilyCell {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(reaper, "reaper");
        expect = Map.copyOf(expect);
        if (runs < 1) {
            throw new IllegalArgumentException("family cell '" + name + "': runs must be at least 1, got " + runs);
        }
    }

    public Door door() {
        return variant.door();
    }

    /** {@code shell-entrypoint/no-exec/none}: unique within its family file. */
    public String id() {
        return family + "/" + variant.id() + "/" + reaper.id();
    }

    @Override
    public String toString() {
        return name + " [" + id() + "]";
    }
}
