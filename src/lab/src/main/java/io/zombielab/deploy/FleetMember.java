package io.zombielab.deploy;

import io.zombielab.promise.ConfigReading;
import io.zombielab.promise.Deployment;
import io.zombielab.promise.Grading;
import io.zombielab.promise.ReaperUnderTest;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One image of a fleet, as validate will run it: named on the command line, on a line of an image list, or as a
 * Compose service or a pod's container.
 *
 * @param image       the reference the engine has (for a service that is built: the tag zombielab builds it as)
 * @param front       what sits in front of the image's program: nothing, the engine's init, a pod's pause
 * @param entrypoint  an init in front of zombielab's test program ({@code --entrypoint}); empty: the image as it runs
 * @param deployment  what the deployment file changes in how the image runs
 * @param gracePeriod how long the deployment lets it stop before the SIGKILL; empty: validate's stop timeout
 * @param build       how to build the image first, if the file builds it
 * @param fix         its fix in its own file, if it has one
 * @param notes       what the file says that validate reads but that changes nothing about PID 1 (said, never ignored silently)
 */
public record FleetMember(
        String name,
        String image,
        Source source,
        ConfigReading.Front front,
        Optional<List<String>> entrypoint,
        Deployment deployment,
        Optional<Duration> gracePeriod,
        Optional<BuildSpec> build,
        Optional<DeployFix> fix,
        List<String> notes) {

    /** docker stop's timeout when nothing else says one (validate's --stop-timeout default). */
    public static final int DEFAULT_STOP_SECONDS = 5;

    public FleetMember {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(image, "image");
        entrypoint = entrypoint.map(List::copyOf);
        notes = List.copyOf(notes);
    }

    /** An image named as validate --image names one: as it ships, with an init, in a pod, or an init in front. */
    public static FleetMember image(
            String name, String image, Source source, ConfigReading.Front front, Optional<List<String>> entrypoint) {
        return new FleetMember(
                name,
                image,
                source,
                front,
                entrypoint,
                Deployment.AS_BUILT,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of());
    }

    public FleetMember named(String other) {
        return new FleetMember(other, image, source, front, entrypoint, deployment, gracePeriod, build, fix, notes);
    }

    /** What validate checks and what it expects of it. */
    public ReaperUnderTest subject() {
        boolean engineInit = front == ConfigReading.Front.ENGINE_INIT;
        if (entrypoint.isPresent()) {
            return ReaperUnderTest.init(name, image, entrypoint, engineInit);
        }
        boolean pod = front == ConfigReading.Front.POD_PAUSE;
        return deployment.equals(Deployment.AS_BUILT)
                ? ReaperUnderTest.asShipped(name, image, engineInit, pod)
                : ReaperUnderTest.deployed(name, image, engineInit, pod, deployment);
    }

    /**
     * docker stop's timeout for it: its grace period, capped by {@code --stop-timeout} when given; else the one given,
     * else {@link #DEFAULT_STOP_SECONDS}. Whole seconds (the engine's unit), above the latency bound.
     */
    public Grading grading(Duration latencyBound, Optional<Integer> stopTimeoutGiven) {
        long seconds = gracePeriod
                .map(g -> stopTimeoutGiven
                        .map(given -> Math.min(given, g.toSeconds()))
                        .orElse(g.toSeconds()))
                .orElseGet(() -> (long) stopTimeoutGiven.orElse(DEFAULT_STOP_SECONDS));
        return new Grading(latencyBound, Duration.ofSeconds(seconds));
    }

    /** Whether it was named in a file (an image list, a Compose file, a manifest), not on the command line. */
    public boolean fromFile() {
        return source.isFile();
    }
}
