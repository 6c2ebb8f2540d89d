package io.zombielab.deploy;

import io.zombielab.scenario.ScenarioFileException.Problem;
import io.zombielab.scenario.YamlNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/** A YAML file's documents as nodes that know their lines; a file that cannot be read or parsed is a problem at its line. */
final class YamlDocuments {

    /** The file's text, its lines, and its documents (none when it could not be read or parsed). */
    record Read(List<String> lines, List<YamlNode> documents) {
    }

    private YamlDocuments() {
    }

    static Read read(Path file, List<Problem> problems) {
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            problems.add(new Problem(name, 0, "", "no such file"));
            return new Read(List.of(), List.of());
        } catch (IOException e) {
            problems.add(new Problem(name, 0, "", "cannot be read: " + e.getMessage()));
            return new Read(List.of(), List.of());
        }
        List<YamlNode> documents = new ArrayList<>();
        try {
            new Compose(LoadSettings.builder().setLabel(name).build()).composeAllFromString(text)
                    .forEach(node -> documents.add(new YamlNode(node, "", name, problems)));
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().or(e::getContextMark).map(m -> m.getLine() + 1).orElse(0);
            problems.add(new Problem(name, line, "", "not valid YAML: " + e.getProblem()));
            return new Read(text.lines().toList(), List.of());
        } catch (YamlEngineException e) {
            problems.add(new Problem(name, 0, "", "not valid YAML: " + e.getMessage()));
            return new Read(text.lines().toList(), List.of());
        }
        return new Read(text.lines().toList(), documents);
    }
}
