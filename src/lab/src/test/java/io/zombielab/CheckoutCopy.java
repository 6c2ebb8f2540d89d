package io.zombielab;

import io.zombielab.testing.TempTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * A copy of this checkout as a CI job or another user has it once built: the launcher, sources, scenarios,
 * fixtures and Dockerfiles, and the build (target/classes, target/lib) marked up to date. A launcher run from
 * it needs neither Maven's repository nor Go, and leaves this checkout's target/ alone while the suite runs
 * in it.
 */
final class CheckoutCopy implements AutoCloseable {

    private static final List<String> PARTS = List.of(
            "zombielab",
            "pom.xml",
            "scripts",
            "src",
            "fixtures",
            "docs",
            "dockerfiles",
            "scenarios",
            "target/classes",
            "target/lib");

    private final Path root;

    private CheckoutCopy(Path root) {
        this.root = root;
    }

    static CheckoutCopy of(Path checkout) {
        return copy(checkout, true);
    }

    /** The same as a fresh clone has it: no target/, nothing built. */
    static CheckoutCopy unbuilt(Path checkout) {
        return copy(checkout, false);
    }

    private static CheckoutCopy copy(Path checkout, boolean built) {
        try {
            Path root = Files.createTempDirectory("zombielab-checkout-");
            for (String part : PARTS) {
                if (built || !part.startsWith("target/")) {
                    copy(checkout.resolve(part), root.resolve(part));
                }
            }
            if (built) {
                // The classes and jars were built from exactly these sources in this test run.
                Files.writeString(root.resolve("target/zombielab-build.stamp"), "");
            }
            return new CheckoutCopy(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the checkout " + checkout, e);
        }
    }

    Path root() {
        return root;
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                String name = dir.getFileName().toString();
                // Host build output: the modules' own target folders (the lab's is target/ at the root).
                if (name.equals("node_modules")
                        || name.equals(".next")
                        || (name.equals("target") && !dir.equals(from))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                // A link is copied as the link it is: the PID 1 table's runit service dir links to where the image puts
                // it.
                Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Override
    public void close() {
        TempTree.delete(root);
    }
}
