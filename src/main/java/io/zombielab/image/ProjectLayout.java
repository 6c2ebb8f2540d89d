package io.zombielab.image;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the project's fixtures and Dockerfiles are: the checkout's root. */
public record ProjectLayout(Path root) {

    public ProjectLayout {
        root = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("fixtures")) || !Files.isDirectory(root.resolve("dockerfiles"))) {
            throw new IllegalStateException(root + " is not a zombielab checkout (no fixtures/ and dockerfiles/ there); "
                    + "run from the checkout's root or set -Dzombielab.home");
        }
    }

    /** The checkout this JVM runs in: -Dzombielab.home, else the working directory. */
    public static ProjectLayout current() {
        return new ProjectLayout(Path.of(System.getProperty("zombielab.home", ".")));
    }

    public Path fixtures() {
        return root.resolve("fixtures");
    }

    public Path scenarios() {
        return root.resolve("scenarios");
    }

    public Path dockerfile(String name) {
        return root.resolve("dockerfiles").resolve(name);
    }
}
