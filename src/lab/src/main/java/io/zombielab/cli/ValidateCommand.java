package io.zombielab.cli;

import io.zombielab.Lab;
import io.zombielab.deploy.FleetMember;
import io.zombielab.image.ImageInput;
import io.zombielab.probe.StopRule;
import io.zombielab.promise.ConfigReading;
import io.zombielab.promise.Grading;
import io.zombielab.promise.PromiseResult;
import io.zombielab.promise.Promises;
import io.zombielab.promise.ReaperUnderTest;
import io.zombielab.report.FleetReport;
import io.zombielab.report.ValidateReport;
import io.zombielab.scenario.Reaper;
import io.zombielab.scenario.Shard;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `validate`: checks the promises of an init, or of an image as it ships, one container per promise, several at
 * once. A reference init is judged against what it documents; a user's init or image against what any must do.
 * The image a user names is checked before any container runs; its config is read and its PID 1 predicted.
 */
@Command(
        name = "validate",
        description =
                "checks an init's promises: a reference one (tini, tini-group, docker-init, "
                        + "dumb-init, catatonit, java), yours in front of zombielab's test program (--image with --entrypoint), "
                        + "your image as it ships (--image), or a fleet as you deploy it (several --image, --images, --compose, --manifest)")
final class ValidateCommand extends ReportingCommand {

    @Option(names = "--reaper", paramLabel = "ID", description = "a reference init, in zombielab's image")
    String reaper;

    @Option(
            names = "--image",
            paramLabel = "IMAGE",
            description =
                    "your image: as it ships (its own entrypoint and command), or with --entrypoint in front of the test program; "
                            + "several make a fleet")
    List<String> images = List.of();

    @Option(
            names = "--images",
            paramLabel = "FILE",
            description =
                    "a fleet: one image a line, each optionally with --init, --pod or --entrypoint \"...\" and --name NAME; # comments")
    List<Path> imageFiles = List.of();

    @Option(
            names = "--compose",
            paramLabel = "FILE",
            description =
                    "each service of a Compose file as Compose runs it (init, entrypoint/command, user, stop_signal, "
                            + "stop_grace_period, healthcheck, build, profiles, $${VAR} and .env)")
    List<Path> composeFiles = List.of();

    @Option(
            names = "--manifest",
            paramLabel = "FILE",
            description =
                    "each container of a Kubernetes manifest's pods as the kubelet runs it (Pod, Deployment, StatefulSet, "
                            + "DaemonSet, ReplicaSet; command/args, shareProcessNamespace, terminationGracePeriodSeconds, exec probes, preStop); "
                            + "a Job's or CronJob's run once, to its end, judged on reaping while it runs and on its exit code")
    List<Path> manifestFiles = List.of();

    @Option(
            names = "--profile",
            paramLabel = "NAME",
            split = ",",
            description =
                    "with --compose: the profiles enabled, as docker compose --profile (also COMPOSE_PROFILES=a,b)")
    List<String> profiles = List.of();

    @Option(
            names = "--probe-runs",
            paramLabel = "N",
            defaultValue = "5",
            converter = ProbeRuns.class,
            description = "runs each health check and exec probe N times while the promises are checked (default 5)")
    int probeRuns;

    @Option(
            names = "--images-at-once",
            paramLabel = "N",
            defaultValue = "${env:ZOMBIELAB_IMAGES_AT_ONCE:-2}",
            converter = ImagesAtOnce.class,
            description =
                    "a fleet: validates N images at once, each with its --parallel promises (also ZOMBIELAB_IMAGES_AT_ONCE=N; default 2)")
    int imagesAtOnce;

    @Option(
            names = "--fleet-shard",
            paramLabel = "K/N",
            description =
                    "a fleet: validates the K-th of N equal parts of its images, for parallel CI jobs (also ZOMBIELAB_FLEET_SHARD=K/N)")
    String fleetShard;

    @Option(
            names = "--entrypoint",
            paramLabel = "\"CMD ARG...\"",
            description = "with --image: the init in front of the test program, one argument, quoted as in a shell")
    String entrypoint;

    @Option(names = "--init", description = "with --image: the engine's init in front (docker run --init)")
    boolean engineInit;

    @Option(
            names = "--supervisor",
            description =
                    "with --entrypoint: the init is a service supervisor (s6-svscan, runsvdir, "
                            + "supervisord) that restarts the test program rather than exit with it; the promises on its exit are not checked")
    boolean supervisor;

    @Option(
            names = "--pod",
            description = "with --image: in a Kubernetes pod with shareProcessNamespace: true (a pause at PID 1)")
    boolean pod;

    @Option(
            names = "--pull",
            description = "with --image: pull the image if the engine does not have it (never otherwise)")
    boolean pull;

    @Option(names = "--name", paramLabel = "NAME", description = "with --image: what reports call it")
    String name;

    @Option(
            names = "--latency-bound",
            paramLabel = "DURATION",
            defaultValue = "1s",
            converter = Durations.class,
            description = "a reap or a stop slower than this is SLOW (default 1s; 500ms, 2s, 1.5s)")
    Duration latencyBound;

    @Option(
            names = "--stop-timeout",
            paramLabel = "SECONDS",
            converter = StopTimeout.class,
            description =
                    "what docker stop waits before its SIGKILL (default 5; caps a deployment file's grace period)")
    Integer stopTimeout;

    @Option(
            names = "--accept-exit-code",
            paramLabel = "N",
            converter = ExitCodeValue.class,
            description = "a stop that ends with exit code N counts as clean too (besides 0 and 143; repeatable)")
    List<Integer> acceptedExitCodes = new java.util.ArrayList<>();

    /** 0 to 255. */
    static final class ExitCodeValue extends Options.CountIn {
        ExitCodeValue() {
            super(0, 255, "--accept-exit-code needs an exit code", "");
        }
    }

    @Option(
            names = "--parallel",
            paramLabel = "N",
            defaultValue = "8",
            converter = PromisesAtOnce.class,
            description = "checks N promises at once, each in its own container, the longest first (default 8)")
    int parallel;

    /**
     * 1 to every promise at once. The default is 8, not all: with all 15 at once on 2 cores, an init that costs CPU to
     * start (a JVM, npm) starves its own checks into slow grades and takes longer (bench/promise-times, in the note).
     */
    static final class PromisesAtOnce extends Options.CountIn {
        PromisesAtOnce() {
            super(1, Promises.ALL.size(), "--parallel needs a count of promises to check at once", "");
        }
    }

    /** 1 to 8 images at once. */
    static final class ImagesAtOnce extends Options.CountIn {
        ImagesAtOnce() {
            super(
                    1,
                    8,
                    "--images-at-once needs a count of images to validate at once",
                    " (--images-at-once or ZOMBIELAB_IMAGES_AT_ONCE)");
        }
    }

    /** 1 to 100 runs of each probe. */
    static final class ProbeRuns extends Options.CountIn {
        ProbeRuns() {
            super(1, 100, "--probe-runs needs a count of runs", "");
        }
    }

    /** 1 to 600 s. */
    static final class StopTimeout extends Options.CountIn {
        StopTimeout() {
            super(1, 600, "--stop-timeout needs whole seconds", "");
        }
    }

    /** The user's images (one, a fleet, a deployment's) need no base image: only a reference init's image is built on it. */
    @Override
    boolean needsBaseImage() {
        return reaper != null;
    }

    @Override
    LabWork prepare() {
        boolean fleetInput =
                !images.isEmpty() || !imageFiles.isEmpty() || !composeFiles.isEmpty() || !manifestFiles.isEmpty();
        if ((reaper == null) == !fleetInput) {
            throw new UsageException(
                    "validate needs one of --reaper ID or --image IMAGE (several, or --images FILE, --compose FILE, --manifest FILE), "
                            + "not " + (reaper == null ? "neither" : "both"));
        }
        Grading grading = grading();
        if (reaper != null) {
            if (entrypoint != null || name != null || engineInit || pull || pod || supervisor) {
                throw new UsageException(
                        "validate: --entrypoint, --init, --pod, --supervisor, --pull and --name go with --image, not --reaper");
            }
            Reaper known = reference(reaper);
            return lab -> report(lab, lab.referenceInit(known), grading, Optional.empty());
        }
        Optional<List<String>> words = Optional.ofNullable(entrypoint).map(Words::split);
        if (words.isPresent() && words.get().isEmpty()) {
            throw new UsageException(
                    "validate: --entrypoint is empty; give the init's command line, e.g. --entrypoint \"tini --\"");
        }
        if (pod && (words.isPresent() || engineInit)) {
            throw new UsageException(
                    "validate: --pod runs the image as it ships in a pod, whose pause is PID 1: it goes with "
                            + "neither --entrypoint nor --init (Kubernetes has no --init)");
        }
        if (supervisor && (words.isEmpty() || engineInit)) {
            throw new UsageException(
                    "validate: --supervisor says the init --entrypoint puts in front is a service supervisor: "
                            + "it goes with --entrypoint, not with --init or an image as it ships");
        }
        if (images.size() == 1 && imageFiles.isEmpty() && composeFiles.isEmpty() && manifestFiles.isEmpty()) {
            return oneImage(images.get(0), words, grading);
        }
        if (pull || name != null) {
            throw new UsageException(
                    "validate: --pull and --name go with one --image; a fleet is never pulled, and its images are "
                            + "named in their files (--name NAME on a line of --images FILE)");
        }
        ConfigReading.Front front = pod
                ? ConfigReading.Front.POD_PAUSE
                : engineInit ? ConfigReading.Front.ENGINE_INIT : ConfigReading.Front.NONE;
        List<FleetMember> fleet = FleetInput.gather(
                images,
                front,
                words,
                imageFiles,
                composeFiles,
                manifestFiles,
                new FleetInput.Compose(profiles(), settings().fleet().environment()),
                probeRuns);
        FleetRun run = new FleetRun(
                fleet,
                fleetShard(),
                new FleetRun.Knobs(latencyBound, Optional.ofNullable(stopTimeout), imagesAtOnce, parallel));
        run.gradings();
        run.selected();
        return lab -> fleetReport(run.run(lab, this::progress));
    }

    private LabWork oneImage(String image, Optional<List<String>> words, Grading grading) {
        String shown = Optional.ofNullable(name).orElse(image);
        ReaperUnderTest subject = supervisor
                ? ReaperUnderTest.supervisor(shown, image, words.orElseThrow())
                : words.isPresent()
                        ? ReaperUnderTest.init(shown, image, words, engineInit)
                        : ReaperUnderTest.asShipped(shown, image, engineInit, pod);
        ImageInput.Pull pulling = pull ? ImageInput.Pull.IF_MISSING : ImageInput.Pull.NEVER;
        return lab -> {
            ImageInput.Checked checked = lab.checkImage(image, pulling, words);
            Optional<ConfigReading> reading = words.isPresent()
                    ? Optional.empty()
                    : Optional.of(ConfigReading.of(
                            checked.config(),
                            pod
                                    ? ConfigReading.Front.POD_PAUSE
                                    : engineInit ? ConfigReading.Front.ENGINE_INIT : ConfigReading.Front.NONE));
            return report(lab, subject, grading, reading);
        };
    }

    /** --profile, else COMPOSE_PROFILES, as docker compose takes them. */
    private List<String> profiles() {
        return profiles.isEmpty() ? settings().fleet().composeProfiles() : profiles;
    }

    /** --fleet-shard, else ZOMBIELAB_FLEET_SHARD, else all of the fleet. */
    private Shard fleetShard() {
        try {
            return fleetShard == null ? settings().fleet().shardOf() : Shard.parse(fleetShard, "--fleet-shard");
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), fleetShard != null);
        }
    }

    private int fleetReport(FleetReport report) {
        String text =
                switch (output.output()) {
                    case JSON -> report.json();
                    case QUIET -> report.summary() + "\n";
                    case TABLE -> {
                        StringBuilder all = new StringBuilder();
                        report.members().forEach(m -> all.append(m.table()));
                        yield all.append(report.table()).toString();
                    }
                };
        java.nio.file.Path folder = FleetRun.writePages(settings().places().reports(), report);
        out().print(text);
        if (output.output() == Options.Output.TABLE) {
            out().println("\nreports: " + folder + "/ (validate.html, validate.md)");
        }
        out().flush();
        junit.writeFleet(report);
        return report.allHold() ? ExitCode.OK : ExitCode.FAILED;
    }

    private Grading grading() {
        try {
            return new Grading(
                    latencyBound,
                    Duration.ofSeconds(Optional.ofNullable(stopTimeout).orElse(FleetMember.DEFAULT_STOP_SECONDS)),
                    StopRule.DEFAULT.accepting(java.util.Set.copyOf(acceptedExitCodes)));
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
            throw new UsageException(
                    "validate: reaper '" + known + "' is no init in front of the program in its container"
                            + (known.pidNamespace().hasPause()
                                    ? " (a pod's pause is PID 1 of a namespace the container may join; "
                                            + "`zombielab matrix --reaper " + known + "` runs its cells)"
                                    : "")
                            + "; name one of "
                            + Arrays.stream(Reaper.values())
                                    .filter(Reaper::isContainerInit)
                                    .toList());
        }
        return known;
    }

    private int report(Lab lab, ReaperUnderTest subject, Grading grading, Optional<ConfigReading> reading) {
        List<PromiseResult> results = lab.validate(subject, grading, parallel, line -> progress(line));
        ValidateReport report = new ValidateReport(subject, grading, reading, results);
        String text =
                switch (output.output()) {
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
