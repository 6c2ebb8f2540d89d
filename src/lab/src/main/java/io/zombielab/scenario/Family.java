package io.zombielab.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A scenario family (issue 19): one door of the PID 1 bug, its upstream reports, what broke and what fixed it,
 * in words for the report, and its cells.
 *
 * @param upstream the reports it is named after, as {@code owner/repo#number}
 */
public record Family(
        String id,
        Door door,
        String title,
        List<String> upstream,
        String broke,
        String fix,
        Path file,
        List<FamilyCell> cells) {

    public Family {
        upstream = List.copyOf(upstream);
        cells = List.copyOf(cells);
    }

    /** The first cell of the role, the one the report reads. */
    public Optional<FamilyCell> first(Role role) {
        return cells.stream().filter(c -> c.role() == role).findFirst();
    }
}
