package io.zombielab.cli;

import io.zombielab.deploy.ShellWords;
import java.util.List;

/** {@code --entrypoint "/usr/bin/tini -s --"} split into its words as a shell would ({@link ShellWords}). */
final class Words {

    private Words() {}

    static List<String> split(String line) {
        List<String> words;
        try {
            words = ShellWords.split(line);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--entrypoint: " + e.getMessage());
        }
        if (words.isEmpty()) {
            throw new UsageException("--entrypoint needs a command, not '" + line + "'");
        }
        return words;
    }
}
