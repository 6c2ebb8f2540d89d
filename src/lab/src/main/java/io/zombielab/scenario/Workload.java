package io.zombielab.scenario;

import java.util.List;
import java.util.Map;

/**
 * What a supervisor starts with {@code npm run start}: the synthetic {@link ChainWorkload} (exact counts by
 * construction) or the real {@link NextAppWorkload}. Each knows where it lives in the fixtures image, how
 * it is configured, which process tree it makes, and what each kill strategy leaves of it.
 */
public sealed interface Workload permits ChainWorkload, NextAppWorkload {

    /** The id used in scenario files: {@code chain} or {@code next-app}. */
    String id();

    /** Its folder in the fixtures image, holding package.json. */
    String directory();

    /** Settings for the supervisor's container; the supervisor passes them down through npm. */
    Map<String, String> environment();

    /**
     * The process tree one start makes, from npm down, as patterns for the kernel's process names
     * ({@code *} matches any text): the tree observed in the container is checked against it.
     */
    List<String> expectedTree();

    /** What each stopped cycle must leave behind, for this workload, reaper and kill strategy. */
    Expectation expect(Reaper reaper, KillStrategy kill);
}
