package io.zombielab.scenario;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The long-running service that starts and stops workloads (the story's Stormkit role). */
public enum SupervisorKind {
    /** fixtures/supervisor-go: the story's own os/exec code. */
    GO(
            "go",
            "/opt/zombielab/bin/supervisor-go",
            EnumSet.of(
                    KillStrategy.PID_KILL,
                    KillStrategy.PID_TERM,
                    KillStrategy.PGID_TERM,
                    KillStrategy.PGID_TERM_THEN_KILL)),
    /** fixtures/supervisor-java: the same role with ProcessBuilder; the only one with the ProcessHandle tree kill. */
    JAVA("java", "/opt/zombielab/bin/supervisor-java", EnumSet.allOf(KillStrategy.class));

    private final String id;
    private final String command;
    private final Set<KillStrategy> kills;

    SupervisorKind(String id, String command, Set<KillStrategy> kills) {
        this.id = id;
        this.command = command;
        this.kills = kills;
    }

    public String id() {
        return id;
    }

    /** The supervisor's command line inside the fixtures image. */
    public String command() {
        return command;
    }

    public boolean supports(KillStrategy kill) {
        return kills.contains(kill);
    }

    /** The ids of the kill strategies it implements. */
    public List<String> kills() {
        return kills.stream().map(KillStrategy::id).toList();
    }

    public static SupervisorKind byId(String id) {
        return Ids.byId(List.of(values()), SupervisorKind::id, id, "supervisor");
    }

    @Override
    public String toString() {
        return id;
    }
}
