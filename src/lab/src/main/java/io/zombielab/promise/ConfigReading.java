package io.zombielab.promise;

import io.zombielab.image.ImageConfig;
import io.zombielab.probe.SecretMask;
import io.zombielab.probe.StopSignal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an image's config predicts about its PID 1, read beside the run: who PID 1 is (the engine's init with
 * {@code --init}; a shell for a shell-form CMD), whether it reaps and whether it stops on docker stop, and the
 * fix when that is no good setup.
 */
public record ConfigReading(
        ImageConfig config,
        List<String> pid1,
        boolean shellForm,
        Front front,
        String program,
        Predicted reaps,
        Predicted stops,
        String why,
        Optional<String> fix) {

    /** What sits in front of the image's program, as the run is asked for. */
    public enum Front {
        /** Nothing: the program is PID 1. */
        NONE,
        /** The engine's init (docker run --init). */
        ENGINE_INIT,
        /** A pod's pause, PID 1 of the namespace the container shares (shareProcessNamespace: true). */
        POD_PAUSE
    }

    private static final String ADD_AN_INIT = "run it with an init in front: docker run --init (compose: init: true), "
            + "or ENTRYPOINT [\"tini\", \"--\"] in the Dockerfile (Kubernetes: shareProcessNamespace: true)";

    public static ConfigReading of(ImageConfig config, Front front) {
        List<String> argv = config.argv();
        boolean shellForm = argv.size() >= 2
                && KnownPid1.of(argv.get(0)) == KnownPid1.SHELL
                && argv.get(1).equals("-c");
        KnownPid1 known =
                switch (front) {
                    case ENGINE_INIT -> KnownPid1.TINI;
                    case POD_PAUSE -> KnownPid1.PAUSE;
                    case NONE -> argv.isEmpty() ? KnownPid1.OTHER : KnownPid1.of(argv.get(0));
                };
        List<String> pid1 =
                switch (front) {
                    case ENGINE_INIT ->
                        java.util.stream.Stream.concat(java.util.stream.Stream.of("docker-init", "--"), argv.stream())
                                .toList();
                    case POD_PAUSE ->
                        List.of("pause (the pod's; the image's program is another process of the namespace)");
                    case NONE -> argv;
                };
        String program =
                switch (front) {
                    case ENGINE_INIT -> "docker-init";
                    case POD_PAUSE -> "pause";
                    case NONE -> argv.isEmpty() ? "" : argv.get(0);
                };
        return new ConfigReading(
                config,
                pid1,
                shellForm,
                front,
                program,
                known.reaps,
                known.stops,
                known.sentence,
                fix(known, shellForm, config));
    }

    private static Optional<String> fix(KnownPid1 known, boolean shellForm, ImageConfig config) {
        List<String> fixes = new ArrayList<>();
        if (shellForm) {
            fixes.add(
                    "use the exec form (CMD [\"node\", \"server.js\"], not CMD node server.js) so that no shell sits at PID 1");
        }
        if (!known.isInit()) {
            fixes.add(ADD_AN_INIT);
        }
        if (config.stopSignal()
                .flatMap(StopSignal::parse)
                .filter(s -> !s.equals(StopSignal.DEFAULT))
                .isPresent()) {
            fixes.add("STOPSIGNAL " + config.stopSignal().get()
                    + ": make sure the app stops on it (docker stop sends it, not SIGTERM)");
        }
        return fixes.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", fixes));
    }

    /** Where what ran contradicts the prediction: the config is not the whole story (a wrapper script, say). */
    public List<String> disagreements(List<PromiseVerdict> verdicts) {
        List<String> lines = new ArrayList<>();
        for (PromiseVerdict v : verdicts) {
            Predicted said = v.grade() == PromiseGrade.NOT_APPLICABLE
                    ? Predicted.UNKNOWN
                    : v.promise() == Promises.SHIPPED_REAPS_ORPHANS || v.promise() == Promises.JOB_REAPS
                            ? reaps
                            : v.promise() == Promises.STOPS_GRACEFULLY ? stops : Predicted.UNKNOWN;
            boolean good = v.grade() == PromiseGrade.KEPT;
            if ((said == Predicted.YES && !good) || (said == Predicted.NO && good)) {
                lines.add("the config predicted '" + v.promise().id() + "': " + said + ", but the run showed: "
                        + v.observed().text());
            }
        }
        return lines;
    }

    /** The lines a report prints. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("image config: ENTRYPOINT " + SecretMask.argv(config.entrypoint()) + ", CMD "
                + SecretMask.argv(config.cmd()) + ", STOPSIGNAL "
                + config.stopSignal().orElse("SIGTERM (default)") + ", USER " + config.userOrRoot() + ", "
                + config.platform());
        lines.add("PID 1: " + String.join(" ", SecretMask.argv(pid1))
                + (shellForm ? " (shell form: a shell runs the command)" : ""));
        lines.add("predicted from the config: reaps " + reaps + ", stops on docker stop " + stops + " (" + why + ")");
        return lines;
    }
}
