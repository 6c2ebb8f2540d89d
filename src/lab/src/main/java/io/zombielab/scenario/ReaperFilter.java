package io.zombielab.scenario;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which reapers' cells to run: all, or those named. CI splits the matrix into one job per reaper with
 * {@code ZOMBIELAB_REAPERS=tini ./zombielab test}; the CLI takes {@code --reaper ID}. A name that is no reaper
 * is an error, never an empty run.
 */
public record ReaperFilter(Set<Reaper> reapers) {

    public static final ReaperFilter ALL = new ReaperFilter(EnumSet.allOf(Reaper.class));

    public ReaperFilter {
        reapers = Set.copyOf(reapers);
        if (reapers.isEmpty()) {
            throw new IllegalArgumentException("a reaper filter needs at least one reaper");
        }
    }

    /** Comma-separated reaper ids; blank means all. */
    public static ReaperFilter parse(String ids, String source) {
        if (ids == null || ids.isBlank()) {
            return ALL;
        }
        try {
            return new ReaperFilter(EnumSet.copyOf(Arrays.stream(ids.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .map(Reaper::byId)
                    .toList()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    public boolean admits(Reaper reaper) {
        return reapers.contains(reaper);
    }

    public List<Scenario> apply(List<Scenario> cells) {
        return cells.stream().filter(c -> admits(c.reaper())).toList();
    }
}
