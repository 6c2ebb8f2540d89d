package io.zombielab.cli;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Info;
import io.zombielab.engine.DockerEngine;
import io.zombielab.engine.EngineSettings;
import io.zombielab.run.Sweep;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What {@code doctor} asks the engine, through the project's own way to it ({@link DockerEngine#client}), within
 * a few seconds altogether: an engine that does not answer in time is as absent as none.
 */
sealed interface EngineLook {

    /** The engine answered every question. */
    record Answering(EngineFacts facts) implements EngineLook {}

    /**
     * No answer: a refused connection or nothing where DOCKER_HOST points (at once), or none in time.
     *
     * @param timedOut whether it waited the whole time (an engine that accepts and then hangs)
     * @param waited how long it would wait
     */
    record Silent(boolean timedOut, Duration waited) implements EngineLook {}

    /**
     * @param version the engine's version ("20.10.24+dfsg1")
     * @param apiVersion its API version ("1.41")
     * @param cgroupVersion "1" or "2"; empty from an engine too old to say
     * @param memoryLimit whether it can limit a container's memory
     * @param pidsLimit whether it can limit a container's PIDs
     * @param baseImagePresent whether the base image doctor was asked about is there (false when none was named)
     * @param images zombielab's images on it
     * @param containers zombielab's containers on it
     */
    record EngineFacts(
            String version,
            String apiVersion,
            Optional<String> cgroupVersion,
            boolean memoryLimit,
            boolean pidsLimit,
            boolean baseImagePresent,
            int images,
            int containers) {}

    /** Asks the engine {@code engine} names, giving up after {@code within}; {@code baseImage} is looked for. */
    static EngineLook ask(EngineSettings engine, Optional<String> baseImage, Duration within) {
        FutureTask<EngineFacts> question = new FutureTask<>(() -> facts(DockerEngine.client(engine), baseImage));
        Thread asking = new Thread(question, "zombielab-doctor-engine");
        asking.setDaemon(true); // one that hangs must not keep the JVM
        asking.start();
        try {
            return new Answering(question.get(within.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            return new Silent(false, within);
        } catch (TimeoutException e) {
            asking.interrupt();
            return new Silent(true, within);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Silent(false, within);
        }
    }

    private static EngineFacts facts(DockerClient docker, Optional<String> baseImage) {
        var version = docker.versionCmd().exec();
        Info info = docker.infoCmd().exec();
        Sweep everything = new Sweep(docker, Sweep.Selection.everything());
        return new EngineFacts(
                version.getVersion(),
                version.getApiVersion(),
                Optional.ofNullable(info.getCGroupVersion()),
                Boolean.TRUE.equals(info.getMemoryLimit()),
                Boolean.TRUE.equals(info.getRawValues().get("PidsLimit")),
                baseImage.map(tag -> present(docker, tag)).orElse(false),
                everything.imageCount(),
                everything.containerCount());
    }

    private static boolean present(DockerClient docker, String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
