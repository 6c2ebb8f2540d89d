package io.zombielab.image;

import com.github.dockerjava.api.DockerClient;
import io.zombielab.deploy.BuildSpec;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Builds the images a deployment file builds (Compose's {@code build}), each once, never pulling its base,
 * labelled {@code io.zombielab=true} and tagged by what it is built from: the same build is the same tag, cached by
 * the engine across runs. A build that fails is the file's fault: refused at the key's file:line, nothing judged.
 */
public final class DeployBuild {

    private final DockerClient docker;
    private final Map<BuildSpec, String> built = new HashMap<>();

    public DeployBuild(DockerClient docker) {
        this.docker = docker;
    }

    /** The tag zombielab builds {@code spec} as: {@code zombielab/build-<service>:<hash of what it is built from>}. */
    public static String tag(BuildSpec spec, String service) {
        String hash = Integer.toHexString(spec.same().hashCode());
        return "zombielab/build-" + service.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_.-]", "-") + ":"
                + hash;
    }

    /** Builds it as {@code tag}, unless this run already has. */
    public synchronized void build(BuildSpec spec, String tag) {
        if (built.containsKey(spec.same())) {
            docker.tagImageCmd(
                            built.get(spec.same()),
                            tag.substring(0, tag.lastIndexOf(':')),
                            tag.substring(tag.lastIndexOf(':') + 1))
                    .exec();
            return;
        }
        if (!Files.isDirectory(spec.context())) {
            throw new ImageRefusedException(
                    ImageRefusedException.Kind.INPUT,
                    spec.where() + ": build context " + spec.context() + " is no directory");
        }
        if (!Files.isRegularFile(spec.dockerfile())) {
            throw new ImageRefusedException(
                    ImageRefusedException.Kind.INPUT, spec.where() + ": no Dockerfile " + spec.dockerfile());
        }
        try {
            var cmd = docker.buildImageCmd(spec.context().toFile())
                    .withDockerfile(spec.dockerfile().toFile())
                    .withTags(Set.of(tag))
                    .withLabels(Labels.image("deploy-build"))
                    .withPull(false)
                    .withForcerm(true);
            spec.target().ifPresent(cmd::withTarget);
            spec.args().forEach(cmd::withBuildArg);
            cmd.start().awaitImageId();
        } catch (RuntimeException e) {
            throw new ImageRefusedException(
                    ImageRefusedException.Kind.INPUT,
                    spec.where() + ": the build failed: "
                            + String.valueOf(e.getMessage()).lines().findFirst().orElse(""),
                    e);
        }
        built.put(spec.same(), tag);
    }
}
