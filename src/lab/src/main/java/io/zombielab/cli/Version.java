package io.zombielab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** zombielab's version, as Maven set it when it built these classes (version.properties, a filtered resource). */
final class Version implements IVersionProvider {

    private static final String RESOURCE = "version.properties";

    /** "0.1.0-SNAPSHOT" in a checkout, a release version in a release. */
    static String number() {
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        RESOURCE + " is missing from io/zombielab/cli: these classes were not built by Maven");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"zombielab " + number()};
    }
}
