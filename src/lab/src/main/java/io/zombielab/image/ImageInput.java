package io.zombielab.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Checks an image a user names before anything runs in it: it is on the engine (zombielab pulls only when
 * asked), it is built for the engine's platform, and the program it starts with exists in it. Each failure is
 * one message naming what is wrong and how to fix it; nothing is judged.
 */
public final class ImageInput {

    /** Whether zombielab may pull a missing image. */
    public enum Pull {
        NEVER,
        IF_MISSING
    }

    /** The image, found and checked: its config. */
    public record Checked(ImageConfig config) {}

    private static final long PULL_MINUTES = 10;

    private final DockerClient docker;
    private final String runId;
    private final String engineAddress;

    /** {@code engineAddress}: where the engine is, for messages (DOCKER_HOST=..., or the local socket). */
    public ImageInput(DockerClient docker, String runId, String engineAddress) {
        this.docker = docker;
        this.runId = runId;
        this.engineAddress = engineAddress;
    }

    /**
     * {@code entrypoint}: what will run in front (as {@code --entrypoint} gave it); empty: the image's own.
     * {@code added}: paths zombielab puts into the container itself (the promise kit), there whatever the image.
     */
    public Checked check(String image, Pull pull, Optional<List<String>> entrypoint, java.util.Set<String> added) {
        ImageConfig config = present(image, pull);
        samePlatform(config);
        List<String> argv = entrypoint.orElseGet(config::argv);
        if (argv.isEmpty()) {
            throw new ImageRefusedException(
                    ImageRefusedException.Kind.INPUT,
                    "image '" + image
                            + "' has neither ENTRYPOINT nor CMD: it runs nothing, so there is no PID 1 to validate (give --entrypoint)");
        }
        if (!added.contains(argv.get(0))) {
            programExists(config, argv.get(0), entrypoint.isPresent() ? "--entrypoint" : "the image's ENTRYPOINT/CMD");
        }
        return new Checked(config);
    }

    /**
     * An image as a deployment file runs it (never pulled): what it starts ({@code deployment}'s entrypoint and
     * command over the image's) and each probe's and hook's program exist in it; {@code where} names the file and
     * line in each refusal.
     */
    public Checked checkDeployed(String image, io.zombielab.promise.Deployment deployment, String where) {
        ImageConfig config = present(image, Pull.NEVER, false);
        samePlatform(config);
        List<String> argv = deployment.applyTo(config).argv();
        if (argv.isEmpty()) {
            throw new ImageRefusedException(
                    ImageRefusedException.Kind.INPUT,
                    where + ": image '" + image
                            + "' has neither ENTRYPOINT nor CMD, and neither is given: it runs nothing");
        }
        List<Program> programs = new java.util.ArrayList<>();
        programs.add(new Program(argv.get(0), where + ": its entrypoint and command"));
        deployment
                .probes()
                .forEach(p -> programs.add(new Program(p.command().get(0), p.where() + ": its " + p.what())));
        deployment
                .preStop()
                .ifPresent(p -> programs.add(new Program(p.command().get(0), p.where() + ": its " + p.what())));
        programsExist(config, programs);
        return new Checked(config);
    }

    private ImageConfig present(String image, Pull pull) {
        return present(image, pull, true);
    }

    /** {@code pullOffered}: whether --pull may be suggested (a fleet is never pulled). */
    private ImageConfig present(String image, Pull pull, boolean pullOffered) {
        try {
            return inspect(image);
        } catch (NotFoundException missing) {
            if (pull == Pull.NEVER) {
                throw new ImageRefusedException(
                        ImageRefusedException.Kind.INPUT,
                        "no image '" + image + "' on the engine ("
                                + engineAddress + "); zombielab never pulls unless asked: build it (docker build -t "
                                + image
                                + " .)"
                                + (pullOffered
                                        ? ", pull it yourself (docker pull " + image + "), or add --pull"
                                        : " or pull it yourself (docker pull " + image + ")"));
            }
        }
        pullImage(image);
        return inspect(image);
    }

    /** docker-java's inspect, and the STOPSIGNAL it leaves out from the engine's own answer. */
    private ImageConfig inspect(String image) {
        var inspected = docker.inspectImageCmd(image).exec();
        Optional<String> stopSignal = Optional.ofNullable(io.zombielab.engine.EngineJson.inspectImage(image)
                .path("Config")
                .path("StopSignal")
                .textValue());
        return ImageConfig.of(image, inspected, stopSignal);
    }

    private void pullImage(String image) {
        try {
            if (!docker.pullImageCmd(image).start().awaitCompletion(PULL_MINUTES, TimeUnit.MINUTES)) {
                throw new ImageRefusedException(
                        ImageRefusedException.Kind.ENVIRONMENT,
                        "--pull: '" + image + "' did not arrive within " + PULL_MINUTES + " minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageRefusedException(
                    ImageRefusedException.Kind.ENVIRONMENT, "--pull of '" + image + "' was interrupted", e);
        } catch (RuntimeException e) {
            if (e instanceof ImageRefusedException refused) {
                throw refused;
            }
            throw new ImageRefusedException(
                    ImageRefusedException.Kind.ENVIRONMENT,
                    "--pull: the engine could not pull '" + image + "': " + firstLine(e.getMessage()),
                    e);
        }
    }

    private void samePlatform(ImageConfig config) {
        var info = docker.infoCmd().exec();
        ImageConfig.Platform engine = ImageConfig.Platform.of(info.getOsType(), info.getArchitecture());
        if (!engine.equals(config.platform())) {
            throw new ImageRefusedException(
                    ImageRefusedException.Kind.ENVIRONMENT,
                    "image '" + config.image() + "' is built for "
                            + config.platform() + "; this engine runs " + engine + " and cannot run it: build it for "
                            + engine
                            + " (docker build --platform " + engine + ") or validate it on a " + config.platform()
                            + " engine");
        }
    }

    /**
     * The program exists in the image: an absolute path as it is, a bare name in one of the image's PATH
     * directories. Looked up in a container created, never started, and removed at once.
     */
    private void programExists(ImageConfig config, String program, String from) {
        programsExist(config, List.of(new Program(program, from)));
    }

    /** A program an image must have, and who starts it (for the refusal). */
    private record Program(String program, String from) {}

    /** All looked up in one container; the first missing one refused. */
    private void programsExist(ImageConfig config, List<Program> programs) {
        String id = docker.createContainerCmd(config.image())
                .withLabels(Labels.scenarioContainer(runId, "image-check"))
                .withEntrypoint("/zombielab-never-started")
                .withCmd(List.of())
                .exec()
                .getId();
        try {
            for (Program p : programs) {
                String program = p.program();
                List<String> candidates = program.contains("/")
                        ? List.of(program)
                        : java.util.Arrays.stream(config.path().split(":"))
                                .filter(d -> !d.isEmpty())
                                .map(d -> d + "/" + program)
                                .toList();
                if (candidates.stream().noneMatch(path -> exists(id, path))) {
                    throw new ImageRefusedException(
                            ImageRefusedException.Kind.INPUT,
                            p.from() + " starts '" + program + "', which image '" + config.image() + "' does not have"
                                    + (program.contains("/") ? "" : " in its PATH (" + config.path() + ")"));
                }
            }
        } finally {
            docker.removeContainerCmd(id).withForce(true).exec();
        }
    }

    private boolean exists(String containerId, String path) {
        try (InputStream archive =
                docker.copyArchiveFromContainerCmd(containerId, path).exec()) {
            return true;
        } catch (NotFoundException missing) {
            return false;
        } catch (IOException e) {
            return true; // it answered with an archive: the path is there
        }
    }

    private static String firstLine(String message) {
        return String.valueOf(message).lines().findFirst().orElse("");
    }
}
