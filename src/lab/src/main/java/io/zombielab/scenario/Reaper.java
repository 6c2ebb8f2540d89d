package io.zombielab.scenario;

import java.util.List;

/**
 * What reaps the orphans of the scenario's container, if anything: an init at its PID 1 (in the image, or
 * injected by the engine), nothing ({@code none}: the supervisor is PID 1), or a Kubernetes pod's pause.
 *
 * <p>The two pod reapers model a pod with the lab's own pause container ({@code zl-helper pause}, which
 * reaps as Kubernetes' pause does) started first as the pod's infra container; they differ only in whose
 * PID namespace the cell's container runs in ({@link #pidNamespace()}), as the pod spec's
 * {@code shareProcessNamespace} decides:
 * <ul>
 *   <li>{@code pod-shared} ({@code shareProcessNamespace: true}): the container joins pause's PID namespace.
 *       Pause is PID 1, the supervisor is not; orphans are re-parented to pause, which reaps them: what a
 *       reaping init gives.</li>
 *   <li>{@code pod} (the default, {@code false}): the container has a PID namespace of its own, so the
 *       supervisor is its PID 1 and nothing reaps: what {@code none} gives, pause or not.</li>
 * </ul>
 * Kubernetes has no {@code --init}: the fixes there are {@code shareProcessNamespace: true} or an init such
 * as tini in the image.
 */
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
    JAVA("java", true, false),
    /** A Kubernetes pod as its spec has it by default: a PID namespace per container, the supervisor its PID 1. */
    POD("pod", false, NONE, PidNamespace.POD),
    /** A Kubernetes pod with shareProcessNamespace: true: pause is PID 1 of the namespace the container joins. */
    POD_SHARED("pod-shared", true, NONE, PidNamespace.POD_SHARED);

    private final String id;
    private final boolean reapsAdoptedOrphans;
    private final boolean injectedByEngine;
    private final Reaper image;
    private final PidNamespace pidNamespace;

    /** An init in its own image variant (or none), at PID 1 of the container's own namespace. */
    Reaper(String id, boolean reapsAdoptedOrphans, boolean injectedByEngine) {
        this.id = id;
        this.reapsAdoptedOrphans = reapsAdoptedOrphans;
        this.injectedByEngine = injectedByEngine;
        this.image = this;
        this.pidNamespace = PidNamespace.CONTAINER;
    }

    /** A pod: the container runs in {@code image}'s variant, in the PID namespace {@code pidNamespace} says. */
    Reaper(String id, boolean reapsAdoptedOrphans, Reaper image, PidNamespace pidNamespace) {
        this.id = id;
        this.reapsAdoptedOrphans = reapsAdoptedOrphans;
        this.injectedByEngine = false;
        this.image = image;
        this.pidNamespace = pidNamespace;
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

    /** The reaper whose image variant the cell's container runs: its own, or none's for the pods (pause is no part of it). */
    public Reaper imageVariant() {
        return image;
    }

    /** The Dockerfile, under dockerfiles/, of this reaper's image variant. */
    public String dockerfile() {
        return "reaper-" + image.id + ".Dockerfile";
    }

    /** Whose PID namespace the cell's container runs in: its own, or a pod's. */
    public PidNamespace pidNamespace() {
        return pidNamespace;
    }

    /**
     * Whether this is an init in front of the supervisor in the container itself, at its PID 1 (in the image
     * or injected by the engine): what {@code validate} checks the promises of. None is no init; a pod's
     * pause is PID 1 of another container's namespace, if of any.
     */
    public boolean isContainerInit() {
        return reapsAdoptedOrphans && pidNamespace == PidNamespace.CONTAINER;
    }

    public static Reaper byId(String id) {
        return Ids.byId(List.of(values()), Reaper::id, id, "reaper");
    }

    @Override
    public String toString() {
        return id;
    }
}
