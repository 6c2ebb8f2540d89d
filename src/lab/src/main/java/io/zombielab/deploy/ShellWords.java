package io.zombielab.deploy;

import java.util.ArrayList;
import java.util.List;

/**
 * A command line given as one string split into its words as a shell would, as {@code --entrypoint "tini --"}
 * and Compose's string form of {@code command} and {@code entrypoint} are: spaces separate, single and double
 * quotes keep spaces in a word, a backslash keeps the next character. Nothing is expanded.
 */
public final class ShellWords {

    private ShellWords() {}

    /** The words; an open quote is an {@link IllegalArgumentException} naming it. An empty line gives no words. */
    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '\\' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("a " + quote + " is not closed in: " + line);
        }
        if (word != null) {
            words.add(word.toString());
        }
        return List.copyOf(words);
    }
}
