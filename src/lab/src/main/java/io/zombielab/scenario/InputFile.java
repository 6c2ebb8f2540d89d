package io.zombielab.scenario;

import io.zombielab.scenario.ScenarioFileException.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A file the user gave zombielab to read (scenarios, families, a fleet's files): one that is not there or cannot be read is a problem at its line 0. */
public final class InputFile {

    private InputFile() {}

    /** {@code file}'s text; empty, with the problem added, when it is not there or cannot be read. */
    public static Optional<String> text(Path file, List<Problem> problems) {
        try {
            return Optional.of(Files.readString(file));
        } catch (NoSuchFileException e) {
            problems.add(new Problem(file.toString(), 0, "", "no such file"));
        } catch (IOException e) {
            problems.add(new Problem(file.toString(), 0, "", "cannot be read: " + e.getMessage()));
        }
        return Optional.empty();
    }
}
