package io.zombielab.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This machine's name, as JUnit XML's {@code <testsuite hostname>} has it. */
public final class Hostname {

    private Hostname() {}

    /** The kernel's host name; else what the resolver says; "localhost" when it has none, as the schema says. */
    public static String ofThisMachine() {
        try {
            String kernel =
                    Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
            if (!kernel.isEmpty()) {
                return kernel;
            }
        } catch (IOException | UncheckedIOException notLinux) {
            // asked another way below
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
