package io.zombielab.scenario;

import java.util.Arrays;
import java.util.List;

/**
 * A way the PID 1 bug reaches users other than the story's supervisor (issue 19): each is a scenario family,
 * a file in scenarios/families/ whose cells show the bug and its fix. The door decides how its cells run and
 * what they measure; its variants say what runs inside.
 */
public enum Door {
    /** 5: a shell script as PID 1: no exec, or a SIGTERM that arrives before it has exec'd. */
    SHELL_ENTRYPOINT("shell-entrypoint"),
    /** 2: a health check or exec probe whose child outlives it, orphaned onto PID 1. */
    EXEC_PROBE("exec-probe"),
    /** 7: python3 or a JVM as PID 1, running jobs whose children fork. */
    RUNTIME_PID1("runtime-pid1"),
    /** 6: a reaper inside the app racing the app's own wait for its child's exit status. */
    EXIT_STATUS_THEFT("exit-status-theft"),
    /** 4: Go's exec.CommandContext: a cancel kills the direct child only; Wait blocks on the pipe its children hold. */
    COMMAND_CONTEXT("command-context"),
    /** 1: a package manager (npm, yarn, pnpm) as PID 1, between docker stop's SIGTERM and the app it started. */
    PACKAGE_MANAGERS("package-managers"),
    /** 3: a node service that launches and closes headless Chromium: the browser's helpers outlive it, orphaned onto PID 1. */
    HEADLESS_CHROMIUM("headless-chromium"),
    /**
     * 0: the story's own symptom: a Redis beside the story's supervisor, under the same memory limit; the
     * supervisor is subscribed to it over Pub/Sub while stage 1's orphans fill the memory.
     */
    REDIS_NEIGHBOUR("redis-neighbour");

    /** Stage 1's memory limit (scenarios/story.yaml), for the door that fills it; the other doors' limit. */
    private static final long STAGE1_MEMORY = 1024L << 20;

    private static final long MEMORY = 512L << 20;

    private final String id;

    Door(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Whether its harm is the PID table (zombies), drawn in pids.svg beside the memory chart. */
    public boolean costsPids() {
        return this == EXEC_PROBE || this == RUNTIME_PID1 || this == HEADLESS_CHROMIUM;
    }

    /** What the door's image (dockerfiles/family-DOOR.Dockerfile) is built FROM. */
    public enum Parent {
        /** zombielab's fixtures image (the supervisors, the JDK): rebuilt when a fixture changes. */
        FIXTURES,
        /** The base image alone: a large install (Chromium) that no fixture's change should repeat. */
        BASE
    }

    public Parent parent() {
        return this == HEADLESS_CHROMIUM ? Parent.BASE : Parent.FIXTURES;
    }

    /** The container's memory limit: the story's own for the door whose harm is the memory. */
    public long memoryBytes() {
        return this == REDIS_NEIGHBOUR ? STAGE1_MEMORY : MEMORY;
    }

    /**
     * The fixtures folders besides fixtures/families/DOOR/ its image is built from (in its build context, in its tag):
     * the Redis door compiles its subscriber into the story's supervisor, whose source is fixtures/supervisor-go/.
     */
    public List<String> sharedFixtures() {
        return this == REDIS_NEIGHBOUR ? List.of("supervisor-go") : List.of();
    }

    /** The variants that run through this door. */
    public List<FamilyVariant> variants() {
        return Arrays.stream(FamilyVariant.values())
                .filter(v -> v.door() == this)
                .toList();
    }

    public static Door byId(String id) {
        return Ids.byId(List.of(values()), Door::id, id, "door");
    }
}
