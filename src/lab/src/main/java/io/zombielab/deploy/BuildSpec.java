package io.zombielab.deploy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * An image a deployment file builds (Compose's {@code build}): its context, Dockerfile, target and build
 * arguments. Two services with the same one are built once.
 *
 * @param where the file and line of the {@code build} key
 */
public record BuildSpec(
        Path context, Path dockerfile, Optional<String> target, Map<String, String> args, Source where) {

    public BuildSpec {
        args = Map.copyOf(new java.util.TreeMap<>(args));
    }

    /** What makes two builds the same build: everything but where it was named. */
    public BuildSpec same() {
        return new BuildSpec(context, dockerfile, target, args, new Source("", 0));
    }
}
