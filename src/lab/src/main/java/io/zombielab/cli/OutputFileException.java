package io.zombielab.cli;

/**
 * A file the command was asked to write (--junit) could not be written once it had run: exit 1, saying which
 * and why, after the result was printed. A path that cannot be written at all is refused before the run.
 */
final class OutputFileException extends RuntimeException {

    OutputFileException(String message) {
        super(message);
    }
}
