package io.zombielab.promise;

import io.zombielab.scenario.Reaper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An init, or an image, to validate: the image, how it is launched (its init in front of zombielab's test
 * program, or as it ships), whether the engine injects its init (HostConfig.Init, {@code docker run --init}),
 * and what each promise is expected to show. A promise with no expectation is measured and reported, not judged.
 */
public record ReaperUnderTest(
        String name, String image, Launch launch, boolean engineInit, Map<Promise, PromiseOutcome> expected) {

    public ReaperUnderTest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(launch, "launch");
        expected = Map.copyOf(expected);
    }

    /** A user's init in front of the test program, held to what any init must do. */
    public static ReaperUnderTest init(
            String name, String image, Optional<List<String>> entrypoint, boolean engineInit) {
        return new ReaperUnderTest(name, image, new Launch.InFront(entrypoint), engineInit, universalPromises());
    }

    /**
     * A service supervisor in front of the test program (run as its service), held to what any init must do but
     * exit with its child: it restarts it instead, by design.
     */
    public static ReaperUnderTest supervisor(String name, String image, List<String> entrypoint) {
        return new ReaperUnderTest(
                name, image, new Launch.InFront(Optional.of(entrypoint), true), false, universalPromises());
    }

    /** A user's image as it ships, held to what any PID 1 must do. */
    public static ReaperUnderTest asShipped(String name, String image, boolean engineInit) {
        return asShipped(name, image, engineInit, false);
    }

    /** The same, in a pod sharing its PID namespace ({@code inSharedPod}): the pod's pause is PID 1. */
    public static ReaperUnderTest asShipped(String name, String image, boolean engineInit, boolean inSharedPod) {
        return new ReaperUnderTest(
                name,
                image,
                new Launch.AsShipped(inSharedPod),
                engineInit,
                Map.of(
                        Promises.SHIPPED_REAPS_ORPHANS, PromiseOutcome.REAPED,
                        Promises.STOPS_GRACEFULLY, PromiseOutcome.STOPPED));
    }

    /** The promises that apply to this init (an engine-injected init is always PID 1: no sub-reaper mode to test). */
    public List<Promise> promises() {
        return launch.promises().stream().filter(p -> p.appliesTo(this)).toList();
    }

    /**
     * An image as a deployment file runs it ({@code deployment}: its replacements, probes and hook), held to what any
     * PID 1 must do, and to reaping what its probes leave.
     */
    public static ReaperUnderTest deployed(
            String name, String image, boolean engineInit, boolean inSharedPod, Deployment deployment) {
        return new ReaperUnderTest(
                name,
                image,
                new Launch.AsShipped(inSharedPod, deployment),
                engineInit,
                Map.of(
                        Promises.SHIPPED_REAPS_ORPHANS, PromiseOutcome.REAPED,
                        Promises.STOPS_GRACEFULLY, PromiseOutcome.STOPPED,
                        Promises.PROBES_REAPED, PromiseOutcome.REAPED,
                        Promises.JOB_REAPS, PromiseOutcome.REAPED,
                        Promises.JOB_SUCCEEDS, PromiseOutcome.SUCCEEDED));
    }

    /** How the image is run: what its deployment file changes, {@link Deployment#AS_BUILT} for none. */
    public Deployment deployment() {
        return launch instanceof Launch.AsShipped shipped ? shipped.deployment() : Deployment.AS_BUILT;
    }

    /** What this init is expected to show for {@code promise}; empty: measured and reported, not judged. */
    public Optional<PromiseOutcome> expected(Promise promise) {
        return Optional.ofNullable(expected.get(promise));
    }

    /**
     * The reference inits, each in its reaper variant image (whose ENTRYPOINT puts it in front), with what
     * their own documentation and tests promise.
     */
    public static ReaperUnderTest reference(Reaper reaper, String image) {
        Map<Promise, PromiseOutcome> expected = new HashMap<>(universalPromises());
        switch (reaper) {
            case TINI -> {
                expected.put(Promises.SIGNAL_REACH, PromiseOutcome.CHILD_ONLY);
                expected.put(Promises.SUB_REAPER, PromiseOutcome.LEFT_ZOMBIES); // needs -s: warns instead
                expected.put(Promises.NOT_PID1_WARNING, PromiseOutcome.WARNED);
            }
            case TINI_GROUP -> {
                expected.put(Promises.SIGNAL_REACH, PromiseOutcome.WHOLE_GROUP);
                expected.put(Promises.SUB_REAPER, PromiseOutcome.LEFT_ZOMBIES);
                expected.put(Promises.NOT_PID1_WARNING, PromiseOutcome.WARNED);
            }
            case DOCKER_INIT -> expected.put(Promises.SIGNAL_REACH, PromiseOutcome.CHILD_ONLY); // tini 0.19, no -g
            case DUMB_INIT -> {
                expected.put(Promises.SIGNAL_REACH, PromiseOutcome.WHOLE_GROUP); // setsid by default
                expected.put(Promises.SUB_REAPER, PromiseOutcome.LEFT_ZOMBIES); // has no sub-reaper mode
                expected.put(Promises.NOT_PID1_WARNING, PromiseOutcome.SILENT); // and says nothing of it
            }
            case CATATONIT -> {
                expected.put(Promises.SIGNAL_REACH, PromiseOutcome.CHILD_ONLY);
                expected.put(Promises.SUB_REAPER, PromiseOutcome.REAPED); // registers as sub-reaper when not PID 1
                expected.put(Promises.NOT_PID1_WARNING, PromiseOutcome.SILENT); // so it has nothing to warn of
            }
            case JAVA -> {
                expected.put(Promises.SIGNAL_REACH, PromiseOutcome.CHILD_ONLY);
                expected.put(Promises.SUB_REAPER, PromiseOutcome.LEFT_ZOMBIES); // not a registered sub-reaper
                expected.put(Promises.NOT_PID1_WARNING, PromiseOutcome.SILENT);
                // It forwards TERM, INT, HUP, USR1 and USR2 only (Reaper.java: FORWARDED): the JVM keeps SIGQUIT for
                // its thread dump, and SIGWINCH is not in the list.
                expected.put(Promises.FORWARDS_SIGNALS, PromiseOutcome.SIGNALS_LOST);
                // Observed here: its ProcessBuilder child starts with SIGQUIT blocked (SigBlk 0000000000000004), the
                // mask of the JVM thread that spawned it; a C app under it would never get a SIGQUIT.
                expected.put(Promises.CLEAN_SIGNAL_MASK, PromiseOutcome.DIRTY_MASK);
            }
            case NONE, POD, POD_SHARED ->
                throw new IllegalArgumentException("reaper '" + reaper
                        + "' is no init in front of the program in its container: there are no promises to check");
        }
        return new ReaperUnderTest(
                reaper.id(), image, new Launch.InFront(Optional.empty()), reaper.injectedByEngine(), expected);
    }

    /** What any init worth the name must do; how far its signals reach is reported, not judged. */
    public static Map<Promise, PromiseOutcome> universalPromises() {
        return Map.ofEntries(
                Map.entry(Promises.REAPS_ORPHANS, PromiseOutcome.REAPED),
                Map.entry(Promises.PASSES_EXIT_CODE, PromiseOutcome.EXIT_CODE_PASSED),
                Map.entry(Promises.PASSES_SIGNAL_DEATH, PromiseOutcome.EXIT_CODE_PASSED),
                Map.entry(Promises.EXIT_CODE_IN_RACE, PromiseOutcome.EXIT_CODE_PASSED),
                Map.entry(Promises.FORWARDS_SIGTERM, PromiseOutcome.FORWARDED),
                Map.entry(Promises.OWN_GROUPS_UNREACHED, PromiseOutcome.UNREACHED),
                Map.entry(Promises.FORWARDS_SIGNALS, PromiseOutcome.FORWARDED_EVERY),
                Map.entry(Promises.EXITS_WITH_CHILD, PromiseOutcome.EXITED_WITH_CHILD),
                Map.entry(Promises.CLEAN_SIGNAL_MASK, PromiseOutcome.CLEAN_MASK),
                Map.entry(Promises.LETS_CHILD_END, PromiseOutcome.CHILD_ENDED),
                Map.entry(Promises.EXEC_FAILURE, PromiseOutcome.EXEC_FAILURE_REPORTED),
                Map.entry(Promises.ORPHAN_STORM, PromiseOutcome.REAPED));
    }
}
