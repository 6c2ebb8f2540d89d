package io.zombielab.scenario;

import java.util.List;

/** What runs as PID 1 in the scenario's container. */
public enum Reaper {
    /** The supervisor itself is PID 1: nothing reaps adopted orphans (the story's stages 1 and 2). */
    NONE("none", false, false),
    /** Tini as the image's ENTRYPOINT (the story's final fix). */
    TINI("tini", true, false),
    /** Tini with -g: signals it forwards go to the child's whole process group. */
    TINI_GROUP("tini-group", true, false),
    /** The engine's own init, injected with HostConfig.Init (`docker run --init`). */
    DOCKER_INIT("docker-init", true, true),
    /** dumb-init: runs the child in a new session and forwards signals to that whole group. */
    DUMB_INIT("dumb-init", true, false),
    /** catatonit: podman's init. */
    CATATONIT("catatonit", true, false),
    /** fixtures/reaper-java: an init written in Java that reaps by pid, never waitpid(-1). */
    JAVA("java", true, false);

    private final String id;
    private final boolean reapsAdoptedOrphans;
    private final boolean injectedByEngine;

    Reaper(String id, boolean reapsAdoptedOrphans, boolean injectedByEngine) {
        this.id = id;
        this.reapsAdoptedOrphans = reapsAdoptedOrphans;
        this.injectedByEngine = injectedByEngine;
    }

    public String id() {
        return id;
    }

    public boolean reapsAdoptedOrphans() {
        return reapsAdoptedOrphans;
    }

    /** True when the image is unchanged and the engine puts its init in front (HostConfig.Init). */
    public boolean injectedByEngine() {
        return injectedByEngine;
    }

    /** The Dockerfile, under dockerfiles/, of this reaper's image variant. */
    public String dockerfile() {
        return "reaper-" + id + ".Dockerfile";
    }

    public static Reaper byId(String id) {
        return Ids.byId(List.of(values()), Reaper::id, id, "reaper");
    }

    @Override
    public String toString() {
        return id;
    }
}
