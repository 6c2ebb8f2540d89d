package io.zombielab.image;

import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.model.ContainerConfig;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What an image's config says about how it runs, read from the engine (docker inspect): its ENTRYPOINT and
 * CMD, STOPSIGNAL, USER, PATH, and the platform it was built for.
 */
public record ImageConfig(
        String image,
        List<String> entrypoint,
        List<String> cmd,
        Optional<String> stopSignal,
        String user,
        String path,
        Platform platform) {

    /** What Docker puts in PATH when an image sets none. */
    static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    public ImageConfig {
        entrypoint = List.copyOf(entrypoint);
        cmd = List.copyOf(cmd);
    }

    /** {@code stopSignal}: the image's STOPSIGNAL, which docker-java's inspect does not carry ({@link ImageInput} reads it). */
    static ImageConfig of(String image, InspectImageResponse inspected, Optional<String> stopSignal) {
        ContainerConfig c = inspected.getConfig();
        List<String> env = c == null || c.getEnv() == null ? List.of() : Arrays.asList(c.getEnv());
        String path = env.stream()
                .filter(e -> e.startsWith("PATH="))
                .map(e -> e.substring(5))
                .findFirst()
                .orElse(DEFAULT_PATH);
        return new ImageConfig(
                image,
                c == null || c.getEntrypoint() == null ? List.of() : Arrays.asList(c.getEntrypoint()),
                c == null || c.getCmd() == null ? List.of() : Arrays.asList(c.getCmd()),
                stopSignal.filter(signal -> !signal.isBlank()),
                c == null || c.getUser() == null ? "" : c.getUser(),
                path,
                Platform.of(inspected.getOs(), inspected.getArch()));
    }

    /** What PID 1 runs as shipped: ENTRYPOINT followed by CMD, as the engine joins them. */
    public List<String> argv() {
        return java.util.stream.Stream.concat(entrypoint.stream(), cmd.stream()).toList();
    }

    /** The user it runs as: "root" where USER is unset. */
    public String userOrRoot() {
        return user.isEmpty() ? "root" : user;
    }

    /** linux/amd64: an engine runs only images of its own platform (no emulation is assumed). */
    public record Platform(String os, String architecture) {

        /** The engine's names for its machine (uname) and Docker's names for images differ; this is Docker's. */
        public static Platform of(String os, String architecture) {
            String arch =
                    switch (String.valueOf(architecture)) {
                        case "x86_64" -> "amd64";
                        case "aarch64" -> "arm64";
                        case "armv7l" -> "arm";
                        default -> String.valueOf(architecture);
                    };
            return new Platform(String.valueOf(os).toLowerCase(java.util.Locale.ROOT), arch);
        }

        @Override
        public String toString() {
            return os + "/" + architecture;
        }
    }
}
