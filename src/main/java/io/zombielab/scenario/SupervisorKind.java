package io.zombielab.scenario;

/** The long-running service that starts and stops workloads (the story's Stormkit role). */
public enum SupervisorKind {
    /** fixtures/supervisor-go: the story's own os/exec code. */
    GO("go", "/opt/zombielab/bin/supervisor-go");

    private final String id;
    private final String command;

    SupervisorKind(String id, String command) {
        this.id = id;
        this.command = command;
    }

    public String id() {
        return id;
    }

    /** The supervisor's command line inside the fixtures image. */
    public String command() {
        return command;
    }

    @Override
    public String toString() {
        return id;
    }
}
