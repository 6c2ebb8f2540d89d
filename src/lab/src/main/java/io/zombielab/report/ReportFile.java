package io.zombielab.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A report file zombielab writes (report.json, matrix.md, the JUnit XML, ...): written whole or not at all, so a
 * CI step or a browser reading it never sees half of it, and checked before a run that it can be.
 *
 * @param path where it goes
 * @param kind what it is, for messages: "JUnit XML file", "report"
 */
public record ReportFile(Path path, String kind) {

    /**
     * Writes {@code content} (UTF-8) to the file: a temporary file beside it, then moved over it; its folder is
     * made first. Throws {@link UncheckedIOException} naming the file and why.
     */
    public void write(String content) {
        Path target = path.toAbsolutePath().normalize();
        Path temporary = null;
        try {
            Files.createDirectories(target.getParent());
            temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            Files.write(temporary, content.getBytes(StandardCharsets.UTF_8));
            readableByAll(temporary);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the " + kind + " " + path + ": " + reason(e), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // it was moved, or the folder went away: nothing left to tidy
                }
            }
        }
    }

    /** A temporary file is the owner's only; the report is for the CI step (maybe another user) to read. */
    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException notPosix) {
            // the file system's defaults apply
        }
    }

    /**
     * Checks, before anything runs, that {@link #write} will be able to write the file: it is no folder and no
     * device, its folder exists or can be made, and a file can be created in it. Makes the folder. Throws
     * {@link IllegalArgumentException} saying what is wrong and where.
     */
    public void checkWritable() {
        Path target = path.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw new IllegalArgumentException(path + " is a folder: name the " + kind + " to write");
        }
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            throw new IllegalArgumentException(
                    path + " is not a regular file (a device, a pipe): name a file to write");
        }
        Path folder = target.getParent();
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw new IllegalArgumentException("cannot write " + path + ": " + existing + " is a file, not a folder");
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot write " + path + ": cannot make its folder " + folder + ": " + reason(e), e);
        }
        try {
            Files.delete(Files.createTempFile(folder, ".zombielab-report", ".probe"));
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot write " + path + ": cannot create a file in " + folder + ": " + reason(e), e);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder, and it cannot be made there";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
