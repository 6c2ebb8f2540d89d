package io.zombielab.cli;

import io.zombielab.Lab;
import io.zombielab.image.ImageInput;
import io.zombielab.promise.ConfigReading;
import io.zombielab.promise.Grading;
import io.zombielab.promise.PromiseResult;
import io.zombielab.promise.ReaperUnderTest;
import io.zombielab.report.ValidateReport;
import io.zombielab.scenario.Reaper;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `validate`: checks the promises of an init, or of an image as it ships, one container per promise, several at
 * once. A reference init is judged against what it documents; a user's init or image against what any must do.
 * The image a user names is checked before any container runs; its config is read and its PID 1 predicted.
 */
@Command(name = "validate", description = "checks an init's promises: a reference one (tini, tini-group, docker-init, "
        + "dumb-init, catatonit, java), yours in front of zombielab's test program (--image with --entrypoint), "
        + "or your image as it ships (--image)")
final class ValidateCommand extends ReportingCommand {

    /** {@code --reaper ID | --image IMAGE}. */
    static final class Target {
        @Option(names = "--reaper", required = true, paramLabel = "ID", description = "a reference init, in zombielab's image")
        String reaper;

        @Option(names = "--image", required = true, paramLabel = "IMAGE",
                description = "your image: as it ships (its own entrypoint and command), or with --entrypoint in front of the test program")
        String image;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--entrypoint", paramLabel = "\"CMD ARG...\"",
            description = "with --image: the init in front of the test program, one argument, quoted as in a shell")
    String entrypoint;

    @Option(names = "--init", description = "with --image: the engine's init in front (docker run --init)")
    boolean engineInit;

    @Option(names = "--pod", description = "with --image: in a Kubernetes pod with shareProcessNamespace: true (a pause at PID 1)")
    boolean pod;

    @Option(names = "--pull", description = "with --image: pull the image if the engine does not have it (never otherwise)")
    boolean pull;

    @Option(names = "--name", paramLabel = "NAME", description = "with --image: what reports call it")
    String name;

    @Option(names = "--latency-bound", paramLabel = "DURATION", defaultValue = "1s", converter = Durations.class,
            description = "a reap or a stop slower than this is SLOW (default 1s; 500ms, 2s, 1.5s)")
    Duration latencyBound;

    @Option(names = "--stop-timeout", paramLabel = "SECONDS", defaultValue = "5", converter = StopTimeout.class,
            description = "what docker stop waits before its SIGKILL (default 5)")
    int stopTimeout;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "8", converter = PromisesAtOnce.class,
            description = "checks N promises at once, each in its own container (default 8: all)")
    int parallel;

    /** 1 to 8 promise containers at once. */
    static final class PromisesAtOnce extends Options.CountIn {
        PromisesAtOnce() {
            super(1, 8, "--parallel needs a count of promises to check at once", "");
        }
    }

    /** 1 to 600 s. */
    static final class StopTimeout extends Options.CountIn {
        StopTimeout() {
            super(1, 600, "--stop-timeout needs whole seconds", "");
        }
    }

    /** An image of the user's alone needs no base image: only a reference init's image is built on it. */
    @Override
    boolean needsBaseImage() {
        return target.image == null;
    }

    @Override
    LabWork prepare() {
        Grading grading = grading();
        if (target.reaper != null) {
            if (entrypoint != null || name != null || engineInit || pull || pod) {
                throw new UsageException("validate: --entrypoint, --init, --pod, --pull and --name go with --image, not --reaper");
            }
            Reaper known = reference(target.reaper);
            return lab -> report(lab, lab.referenceInit(known), grading, Optional.empty());
        }
        Optional<List<String>> words = Optional.ofNullable(entrypoint).map(Words::split);
        if (words.isPresent() && words.get().isEmpty()) {
            throw new UsageException("validate: --entrypoint is empty; give the init's command line, e.g. --entrypoint \"tini --\"");
        }
        if (pod && (words.isPresent() || engineInit)) {
            throw new UsageException("validate: --pod runs the image as it ships in a pod, whose pause is PID 1: it goes with "
                    + "neither --entrypoint nor --init (Kubernetes has no --init)");
        }
        String shown = Optional.ofNullable(name).orElse(target.image);
        ReaperUnderTest subject = words.isPresent() ? ReaperUnderTest.init(shown, target.image, words, engineInit)
                : ReaperUnderTest.asShipped(shown, target.image, engineInit, pod);
        ImageInput.Pull pulling = pull ? ImageInput.Pull.IF_MISSING : ImageInput.Pull.NEVER;
        return lab -> {
            ImageInput.Checked checked = lab.checkImage(target.image, pulling, words);
            Optional<ConfigReading> reading = words.isPresent() ? Optional.empty()
                    : Optional.of(ConfigReading.of(checked.config(), pod ? ConfigReading.Front.POD_PAUSE
                            : engineInit ? ConfigReading.Front.ENGINE_INIT : ConfigReading.Front.NONE));
            return report(lab, subject, grading, reading);
        };
    }

    private Grading grading() {
        try {
            return new Grading(latencyBound, Duration.ofSeconds(stopTimeout));
        } catch (IllegalArgumentException e) {
            throw new UsageException("validate: " + e.getMessage(), false);
        }
    }

    private static Reaper reference(String id) {
        Reaper known;
        try {
            known = Reaper.byId(id);
        } catch (IllegalArgumentException e) {
            throw new UsageException("validate: " + e.getMessage());
        }
        if (!known.isContainerInit()) {
            throw new UsageException("validate: reaper '" + known + "' is no init in front of the program in its container"
                    + (known.pidNamespace().hasPause() ? " (a pod's pause is PID 1 of a namespace the container may join; "
                    + "`zombielab matrix --reaper " + known + "` runs its cells)" : "")
                    + "; name one of " + Arrays.stream(Reaper.values()).filter(Reaper::isContainerInit).toList());
        }
        return known;
    }

    private int report(Lab lab, ReaperUnderTest subject, Grading grading, Optional<ConfigReading> reading) {
        List<PromiseResult> results = lab.validate(subject, grading, parallel, line -> progress(line));
        ValidateReport report = new ValidateReport(subject, grading, reading, results);
        String text = switch (output.output()) {
            case JSON -> report.json();
            case QUIET -> report.summary() + "\n";
            case TABLE -> report.table();
        };
        out().print(text);
        out().flush();
        junit.writePromises(report);
        return report.allHold() ? ExitCode.OK : ExitCode.FAILED;
    }

    private void progress(String line) {
        if (!quiet()) {
            synchronized (this) {
                err().println("[zombielab] " + line);
                err().flush();
            }
        }
    }
}
