package io.zombielab.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A short hash of everything an image is built from, used as its tag: an unchanged recipe finds its image
 * and builds nothing; a changed one gets a new tag and is built once.
 */
public final class ContentHash {

    private final MessageDigest digest;

    private ContentHash() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ContentHash start() {
        return new ContentHash();
    }

    public ContentHash text(String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        return this;
    }

    /**
     * A file, or every source file under a folder ({@link ProjectLayout#sourceFiles}) in a stable order; names
     * count as well as contents.
     */
    public ContentHash path(Path root) {
        try {
            List<Path> files = Files.isDirectory(root) ? ProjectLayout.sourceFiles(root) : List.of(root);
            for (Path file : files) {
                text(root.relativize(file).toString());
                digest.update(Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root + " to hash it", e);
        }
        return this;
    }

    /** The given files, each named relative to {@code root}, in the order given. */
    public ContentHash files(Path root, List<Path> files) {
        try {
            for (Path file : files) {
                text(root.relativize(file).toString());
                digest.update(Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root + " to hash it", e);
        }
        return this;
    }

    /** The first 12 hex digits, like an image id. */
    public String tag() {
        return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    }
}
