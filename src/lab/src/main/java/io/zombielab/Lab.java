package io.zombielab;

import com.github.dockerjava.api.DockerClient;
import io.zombielab.engine.DockerEngine;
import io.zombielab.image.ImageCatalog;
import io.zombielab.image.ImageInput;
import io.zombielab.probe.ProbeChoice;
import io.zombielab.promise.Grading;
import io.zombielab.promise.Promise;
import io.zombielab.promise.PromiseKit;
import io.zombielab.promise.PromiseResult;
import io.zombielab.promise.PromiseRunner;
import io.zombielab.promise.PromiseVerdict;
import io.zombielab.promise.ReaperUnderTest;
import io.zombielab.run.ContainerSpec;
import io.zombielab.run.ScenarioRunner;
import io.zombielab.scenario.Reaper;
import io.zombielab.scenario.Scenario;
import io.zombielab.verdict.Judge;
import io.zombielab.verdict.Verdict;
import java.lang.management.ManagementFactory;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;

/** The whole pipeline for one JVM: scenario -> image -> run -> observe -> verdict. */
public final class Lab {

    private final DockerClient docker;
    private final Settings settings;
    private final ImageCatalog images;
    private final ScenarioRunner runner;
    private final io.zombielab.run.FamilyRunner families;
    private final String runId;
    private final ProbeChoice probeChoice;
    private PromiseRunner promises;
    private io.zombielab.image.DeployBuild deployBuild;

    private Lab(
            DockerClient docker,
            Settings settings,
            ImageCatalog images,
            String runId,
            ProbeChoice probeChoice,
            Consumer<String> progress) {
        this.docker = docker;
        this.settings = settings;
        this.images = images;
        this.runId = runId;
        this.probeChoice = probeChoice;
        this.runner = new ScenarioRunner(images, runId, probeChoice, progress);
        this.families = new io.zombielab.run.FamilyRunner(images, runId, probeChoice, progress);
    }

    /** Checks the engine and base image, then builds nothing until a scenario needs an image; the probe as ZOMBIELAB_PROBE says. */
    public static Lab open(Settings settings, Consumer<String> progress) {
        return open(settings, progress, settings.run().probeChoice());
    }

    /** The same, with the probe chosen by the caller. */
    public static Lab open(Settings settings, Consumer<String> progress, ProbeChoice probeChoice) {
        Lab lab = openWithoutBase(settings, progress, probeChoice);
        lab.images.requireBase();
        return lab;
    }

    /**
     * For an image of the user's only (validate --image): its promises run in that image and zombielab's helper
     * (made FROM scratch), so the base image is not needed; a scenario asked of this lab still needs it.
     */
    public static Lab openWithoutBase(Settings settings, Consumer<String> progress) {
        return openWithoutBase(settings, progress, settings.run().probeChoice());
    }

    private static Lab openWithoutBase(Settings settings, Consumer<String> progress, ProbeChoice probeChoice) {
        var docker = DockerEngine.client(settings.engine());
        var images = new ImageCatalog(
                docker,
                settings.places().layout(),
                settings.run().baseImage().orElse(""),
                settings.run().extraCaCertificates(),
                progress);
        String runId = settings.run()
                .id()
                .orElseGet(() -> LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                        + ManagementFactory.getRuntimeMXBean().getPid());
        return new Lab(docker, settings, images, runId, probeChoice, progress);
    }

    public Verdict run(Scenario scenario) {
        return Judge.judge(runner.run(scenario));
    }

    /** Runs a scenario family's cell (issue 19) and judges it. */
    public io.zombielab.verdict.FamilyVerdict run(io.zombielab.scenario.FamilyCell cell) {
        return io.zombielab.verdict.FamilyVerdict.judge(families.run(cell));
    }

    /** The image a family cell runs in, built: for {@code zombielab plan}. */
    public String imageFor(io.zombielab.scenario.FamilyCell cell) {
        return images.forDoor(cell.door());
    }

    /**
     * Why a cell could not run, in one message: when the engine no longer answers, that is the cause, named
     * first (the exception is only its symptom: a refused connection, a vanished container).
     */
    public String whyCouldNotRun(RuntimeException e) {
        if (!DockerEngine.answers(docker)) {
            return "the Docker engine stopped answering (" + settings.engine().address() + "); the cell saw: "
                    + symptom(e);
        }
        // Testcontainers' "startup failed" says only which image; what failed is its cause (its log is off).
        if (e instanceof org.testcontainers.containers.ContainerLaunchException
                && e.getCause() instanceof RuntimeException cause) {
            return e.getMessage() + ": " + symptom(rootOf(cause));
        }
        return e.getMessage();
    }

    private static RuntimeException rootOf(RuntimeException e) {
        return e.getCause() instanceof RuntimeException cause && cause != e ? rootOf(cause) : e;
    }

    /** The first line of what broke, without the Java class name a library put in front of it. */
    private static String symptom(RuntimeException e) {
        String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        return message.replaceFirst("^([a-z0-9_]+\\.)+[A-Za-z0-9_$]+(Exception|Error): ", "");
    }

    /** The container a cell would run in (and a pod cell's pause), its images built: for {@code zombielab plan}. */
    public ContainerSpec plan(Scenario scenario) {
        return ContainerSpec.of(
                scenario, images.forReaper(scenario.reaper()), images.pauseFor(scenario.reaper()), runId);
    }

    /** Checks one promise of an init, graded by the defaults. */
    public PromiseVerdict check(ReaperUnderTest reaper, Promise promise) {
        return check(reaper, promise, Grading.DEFAULT);
    }

    /** One promise of one init, graded by {@code grading} (its bound, its stop timeout, its stop rule). */
    public PromiseVerdict check(ReaperUnderTest reaper, Promise promise, Grading grading) {
        return promises().check(reaper, promise, grading);
    }

    /** Checks every promise of an init, {@code parallel} containers at a time; an error is a result, never a pass. */
    public List<PromiseResult> validate(
            ReaperUnderTest init, Grading grading, int parallel, Consumer<String> progress) {
        return promises().checkAll(init, grading, parallel, progress, this::whyCouldNotRun);
    }

    /** The image a user named, read and checked before any container runs (see {@link ImageInput}). */
    public ImageInput.Checked checkImage(
            String image, ImageInput.Pull pull, java.util.Optional<List<String>> entrypoint) {
        return new ImageInput(docker, runId, settings.engine().address())
                .check(image, pull, entrypoint, java.util.Set.of(PromiseKit.IN_CONTAINER));
    }

    /** An image as a deployment file runs it, checked before any container runs (see {@link ImageInput#checkDeployed}). */
    public ImageInput.Checked checkDeployed(String image, io.zombielab.promise.Deployment deployment, String where) {
        return new ImageInput(docker, runId, settings.engine().address()).checkDeployed(image, deployment, where);
    }

    /** What builds the images deployment files build, each once in this run. */
    public synchronized io.zombielab.image.DeployBuild deployBuild() {
        if (deployBuild == null) {
            deployBuild = new io.zombielab.image.DeployBuild(docker);
        }
        return deployBuild;
    }

    private synchronized PromiseRunner promises() {
        if (promises == null) {
            promises = new PromiseRunner(docker, PromiseKit.forEngine(docker), runId, probeChoice);
        }
        return promises;
    }

    /** The image of a reaper variant (built on first use): the fixtures with that init as ENTRYPOINT, or none. */
    public String imageFor(Reaper reaper) {
        return images.forReaper(reaper);
    }

    /** A reference init as zombielab builds it: its reaper variant image. */
    public ReaperUnderTest referenceInit(Reaper reaper) {
        return ReaperUnderTest.reference(reaper, images.forReaper(reaper));
    }

    /** Times the host and the universal probe on one container here. */
    public io.zombielab.run.ProbeComparison.Result compareProbes(int samples) {
        return io.zombielab.run.ProbeComparison.run(settings.run().requireBaseImage(), runId, samples);
    }

    public String runId() {
        return runId;
    }
}
