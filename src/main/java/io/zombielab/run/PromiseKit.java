package io.zombielab.run;

import com.github.dockerjava.api.DockerClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The zl-promise binary (fixtures/promise-kit): static, so it runs in any image a user names. It is built
 * into the fixtures image and copied from there once per JVM, without starting a container.
 */
public final class PromiseKit {

    static final String IN_FIXTURES = "/opt/zombielab/bin/zl-promise";
    /** Where it is copied in the container under test, away from the image's own files. */
    public static final String IN_CONTAINER = "/zombielab/zl-promise";

    private final byte[] binary;

    private PromiseKit(byte[] binary) {
        this.binary = binary;
    }

    public static PromiseKit fromImage(DockerClient docker, String fixturesImage) {
        String id = docker.createContainerCmd(fixturesImage).withLabels(java.util.Map.of("io.zombielab", "true"))
                .withEntrypoint("/bin/true").exec().getId();
        try (InputStream tar = docker.copyArchiveFromContainerCmd(id, IN_FIXTURES).exec();
             TarArchiveInputStream entries = new TarArchiveInputStream(tar)) {
            if (entries.getNextEntry() == null) {
                throw new IllegalStateException(fixturesImage + " has no " + IN_FIXTURES);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            entries.transferTo(out);
            return new PromiseKit(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + IN_FIXTURES + " out of " + fixturesImage, e);
        } finally {
            docker.removeContainerCmd(id).withForce(true).exec();
        }
    }

    public byte[] binary() {
        return binary.clone();
    }
}
