package io.zombielab.scenario;

import io.zombielab.scenario.ScenarioFileException.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * A YAML file as every loader of zombielab reads it (scenario files, family files, Compose files, manifests): its
 * lines and its documents as nodes that know their lines. A file that cannot be read or parsed is one problem at
 * its file:line, the same words for every kind of file.
 *
 * @param lines the file's text, a line each
 * @param documents its documents, in order (none for an empty file)
 */
public record YamlFile(List<String> lines, List<YamlNode> documents) {

    /** How many documents a kind of file may hold. */
    public enum Documents {
        /** One: a second is a YAML error at its line ("expected a single document"). */
        ONE,
        /** Any number, separated by {@code ---} (a Kubernetes manifest). */
        ANY
    }

    public YamlFile {
        lines = List.copyOf(lines);
        documents = List.copyOf(documents);
    }

    /** {@code file}'s documents; empty, with the problem added, when it cannot be read or is no valid YAML. */
    public static Optional<YamlFile> read(Path file, Documents documents, List<Problem> problems) {
        String name = file.toString();
        Optional<String> read = InputFile.text(file, problems);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        String text = read.get();
        Compose compose = new Compose(LoadSettings.builder().setLabel(name).build());
        List<YamlNode> nodes = new ArrayList<>();
        try {
            switch (documents) {
                case ONE ->
                    compose.composeString(text).ifPresent(node -> nodes.add(new YamlNode(node, "", name, problems)));
                case ANY ->
                    compose.composeAllFromString(text)
                            .forEach(node -> nodes.add(new YamlNode(node, "", name, problems)));
            }
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark()
                    .or(e::getContextMark)
                    .map(m -> m.getLine() + 1)
                    .orElse(0);
            problems.add(new Problem(name, line, "", "not valid YAML: " + e.getProblem()));
            return Optional.empty();
        } catch (YamlEngineException e) {
            problems.add(new Problem(name, 0, "", "not valid YAML: " + e.getMessage()));
            return Optional.empty();
        }
        return Optional.of(new YamlFile(text.lines().toList(), nodes));
    }

    /**
     * The one document of {@code file}; empty, with the problem added, when it cannot be read, is no valid YAML,
     * or is empty ({@code whenEmpty} says what it needs, at line 1).
     */
    public static Optional<YamlNode> single(Path file, String whenEmpty, List<Problem> problems) {
        Optional<YamlFile> read = read(file, Documents.ONE, problems);
        if (read.isPresent() && read.get().documents().isEmpty()) {
            problems.add(new Problem(file.toString(), 1, "", whenEmpty));
        }
        return read.flatMap(r -> r.documents().stream().findFirst());
    }
}
