package io.zombielab.promise;

import com.github.dockerjava.api.DockerClient;
import io.zombielab.probe.HelperImage;

/**
 * zl-helper's promise kit (src/probe/src/main/go/zl-helper): static, so it runs as the child of an init in any image a
 * user names. The jar carries it; it is copied into each promise's container before that starts.
 */
public final class PromiseKit {

    /** Where it is copied in the container under test, away from the image's own files. */
    public static final String IN_CONTAINER = "/zombielab/zl-helper";

    private final byte[] binary;

    private PromiseKit(byte[] binary) {
        this.binary = binary;
    }

    /** The kit for the engine's architecture. */
    public static PromiseKit forEngine(DockerClient docker) {
        return new PromiseKit(HelperImage.binary(HelperImage.architecture(docker)));
    }

    public byte[] binary() {
        return binary.clone();
    }
}
