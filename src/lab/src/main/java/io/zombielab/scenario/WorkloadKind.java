package io.zombielab.scenario;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** Which workload a scenario file names under {@code workload:}, and the settings each kind takes. */
enum WorkloadKind {
    /** The synthetic chain: exact counts by construction. */
    CHAIN("chain", Set.of("levels", "ballast-mib", "term-linger-ms")),
    /** The real Next.js app. */
    NEXT_APP("next-app", Set.of("port-base"));

    private final String id;
    private final Set<String> settings;

    WorkloadKind(String id, Set<String> settings) {
        this.id = id;
        this.settings = settings;
    }

    String id() {
        return id;
    }

    /** The keys its mapping may hold. */
    Set<String> settings() {
        return settings;
    }

    static Optional<WorkloadKind> byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }

    /** Every kind's id, for the mapping that names one. */
    static Set<String> ids() {
        return Set.copyOf(Arrays.stream(values()).map(WorkloadKind::id).toList());
    }
}
