package io.zombielab.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compose's variable substitution: {@code ${VAR}}, {@code $VAR}, {@code ${VAR:-default}} (unset or empty),
 * {@code ${VAR-default}} (unset), {@code ${VAR:?message}} and {@code ${VAR?message}} (an error), {@code $$} for a
 * dollar sign. The values come from the environment, then from the {@code .env} file beside the Compose file (the
 * environment wins, as in Compose). An unset variable without a default becomes "", and is said.
 */
public final class Interpolation {

    private final Map<String, String> values;
    private final Set<String> unset = new LinkedHashSet<>();

    private Interpolation(Map<String, String> values) {
        this.values = values;
    }

    /** The environment over {@code dir/.env}; a line of .env that is not KEY=VALUE is a problem at its line. */
    public static Interpolation of(
            Map<String, String> environment,
            Path dir,
            java.util.List<io.zombielab.scenario.ScenarioFileException.Problem> problems) {
        Map<String, String> values = new HashMap<>();
        Path dotEnv = dir.resolve(".env");
        if (Files.isRegularFile(dotEnv)) {
            values.putAll(EnvFile.read(dotEnv, problems));
        }
        values.putAll(environment);
        return new Interpolation(values);
    }

    /** The variables used that had no value (each became ""). */
    public Set<String> unset() {
        return Set.copyOf(unset);
    }

    /** {@code text} with its variables replaced; a malformed reference or a required one unset: the exception says which. */
    public String apply(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '$' || i + 1 >= text.length()) {
                out.append(c);
                continue;
            }
            char next = text.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i++;
            } else if (next == '{') {
                int close = text.indexOf('}', i + 2);
                if (close < 0) {
                    throw new IllegalArgumentException("'${' is not closed in: " + text);
                }
                out.append(braced(text.substring(i + 2, close)));
                i = close;
            } else if (Character.isLetter(next) || next == '_') {
                int end = i + 1;
                while (end < text.length()
                        && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                    end++;
                }
                String name = text.substring(i + 1, end);
                out.append(value(name).orElseGet(() -> missing(name)));
                i = end - 1;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private String braced(String inside) {
        int op = 0;
        while (op < inside.length() && (Character.isLetterOrDigit(inside.charAt(op)) || inside.charAt(op) == '_')) {
            op++;
        }
        String name = inside.substring(0, op);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("'${" + inside + "}' names no variable");
        }
        String rest = inside.substring(op);
        Optional<String> value = value(name);
        if (rest.isEmpty()) {
            return value.orElseGet(() -> missing(name));
        }
        boolean orEmpty = rest.startsWith(":");
        String form = orEmpty ? rest.substring(1) : rest;
        boolean absent = value.isEmpty() || (orEmpty && value.get().isEmpty());
        if (form.startsWith("-")) {
            return absent ? apply(form.substring(1)) : value.get();
        }
        if (form.startsWith("?")) {
            if (absent) {
                throw new IllegalArgumentException(
                        "variable " + name + " is required" + (form.length() > 1 ? ": " + form.substring(1) : "")
                                + " (set it in the environment or in .env)");
            }
            return value.get();
        }
        throw new IllegalArgumentException("'${" + inside
                + "}': Compose knows ${VAR}, ${VAR:-default}, ${VAR-default}, " + "${VAR:?error} and ${VAR?error}");
    }

    private Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    private String missing(String name) {
        unset.add(name);
        return "";
    }

    /** A .env or env_file file: KEY=VALUE lines, # comments, blank lines; a value may be quoted. */
    static final class EnvFile {
        private EnvFile() {}

        static Map<String, String> read(
                Path file, java.util.List<io.zombielab.scenario.ScenarioFileException.Problem> problems) {
            Map<String, String> values = new HashMap<>();
            java.util.List<String> lines;
            try {
                lines = Files.readAllLines(file);
            } catch (IOException e) {
                problems.add(new io.zombielab.scenario.ScenarioFileException.Problem(
                        file.toString(), 0, "", "cannot be read: " + e.getMessage()));
                return values;
            }
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                line = line.startsWith("export ") ? line.substring(7).strip() : line;
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    problems.add(new io.zombielab.scenario.ScenarioFileException.Problem(
                            file.toString(), i + 1, "", "must be KEY=VALUE, found '" + line + "'"));
                    continue;
                }
                String value = line.substring(eq + 1).strip();
                if (value.length() >= 2
                        && (value.startsWith("\"") && value.endsWith("\"")
                                || value.startsWith("'") && value.endsWith("'"))) {
                    value = value.substring(1, value.length() - 1);
                }
                values.put(line.substring(0, eq).strip(), value);
            }
            return values;
        }
    }
}
