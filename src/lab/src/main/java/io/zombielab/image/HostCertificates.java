package io.zombielab.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The certificate authorities this host trusts, for image builds that download packages over TLS (npm ci):
 * where the host's way out re-signs TLS, a container trusts only what the host gives it. The bundle Node
 * is told to use (NODE_EXTRA_CA_CERTS), else the system's; empty when there is none.
 */
final class HostCertificates {

    private static final Path SYSTEM_BUNDLE = Path.of("/etc/ssl/certs/ca-certificates.crt");

    private HostCertificates() {}

    /** {@code nodeExtraCaCerts}: NODE_EXTRA_CA_CERTS, when set. */
    static String bundle(Optional<Path> nodeExtraCaCerts) {
        return Stream.of(nodeExtraCaCerts, Optional.of(SYSTEM_BUNDLE))
                .flatMap(Optional::stream)
                .filter(Files::isReadable)
                .findFirst()
                .map(HostCertificates::read)
                .orElse("");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
