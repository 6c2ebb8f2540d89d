package io.zombielab.scenario;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An init to validate: an image, the entrypoint that puts the init in front of a command (empty: the
 * image's own ENTRYPOINT), whether the engine injects it (HostConfig.Init), and what each promise is
 * expected to show. A promise with no expectation is measured and reported, not judged.
 */
public record ReaperUnderTest(String name, String image, Optional<List<String>> entrypoint, boolean engineInit,
                              Map<Promise, PromiseOutcome> expected) {

    public ReaperUnderTest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(image, "image");
        entrypoint = entrypoint.map(List::copyOf);
        expected = Map.copyOf(expected);
    }

    /** The promises that apply: an engine-injected init is always PID 1, so it has no sub-reaper mode to test. */
    public List<Promise> promises() {
        return Arrays.stream(Promise.values()).filter(p -> !(engineInit && p == Promise.SUB_REAPER)).toList();
    }

    /**
     * The reference inits, each in its reaper variant image (whose ENTRYPOINT puts it in front), with what
     * their own documentation and tests promise.
     */
    public static ReaperUnderTest reference(Reaper reaper, String image) {
        Map<Promise, PromiseOutcome> expected = new EnumMap<>(universalPromises());
        switch (reaper) {
            case TINI -> {
                expected.put(Promise.SIGNAL_REACH, PromiseOutcome.CHILD_ONLY);
                expected.put(Promise.SUB_REAPER, PromiseOutcome.LEFT_ZOMBIES); // needs -s: warns instead
            }
            case TINI_GROUP -> {
                expected.put(Promise.SIGNAL_REACH, PromiseOutcome.WHOLE_GROUP);
                expected.put(Promise.SUB_REAPER, PromiseOutcome.LEFT_ZOMBIES);
            }
            case DOCKER_INIT -> expected.put(Promise.SIGNAL_REACH, PromiseOutcome.CHILD_ONLY); // tini 0.19, no -g
            case DUMB_INIT -> {
                expected.put(Promise.SIGNAL_REACH, PromiseOutcome.WHOLE_GROUP); // setsid by default
                expected.put(Promise.SUB_REAPER, PromiseOutcome.LEFT_ZOMBIES); // has no sub-reaper mode
            }
            case CATATONIT -> {
                expected.put(Promise.SIGNAL_REACH, PromiseOutcome.CHILD_ONLY);
                expected.put(Promise.SUB_REAPER, PromiseOutcome.REAPED); // registers as sub-reaper when not PID 1
            }
            case JAVA -> {
                expected.put(Promise.SIGNAL_REACH, PromiseOutcome.CHILD_ONLY);
                expected.put(Promise.SUB_REAPER, PromiseOutcome.LEFT_ZOMBIES); // not a registered sub-reaper
            }
            case NONE -> throw new IllegalArgumentException("reaper 'none' is no init: there are no promises to check");
        }
        return new ReaperUnderTest(reaper.id(), image, Optional.empty(), reaper.injectedByEngine(), expected);
    }

    /** What any init worth the name must do; how far its signals reach is reported, not judged. */
    public static Map<Promise, PromiseOutcome> universalPromises() {
        return Map.of(
                Promise.REAPS_ORPHANS, PromiseOutcome.REAPED,
                Promise.PASSES_EXIT_CODE, PromiseOutcome.EXIT_CODE_PASSED,
                Promise.PASSES_SIGNAL_DEATH, PromiseOutcome.EXIT_CODE_PASSED,
                Promise.FORWARDS_SIGTERM, PromiseOutcome.FORWARDED,
                Promise.OWN_GROUPS_UNREACHED, PromiseOutcome.UNREACHED);
    }
}
