package io.zombielab.deploy;

import io.zombielab.scenario.ScenarioFileException.Problem;
import io.zombielab.scenario.YamlFile;
import io.zombielab.scenario.YamlNode;
import java.nio.file.Path;
import java.util.List;

/**
 * A deployment file's documents as nodes that know their lines: {@link YamlFile}'s reading (the same problems, at
 * the same lines, as a scenario file's), with none for a file that cannot be read or parsed.
 */
final class YamlDocuments {

    /** The file's text, its lines, and its documents (none when it could not be read or parsed). */
    record Read(List<String> lines, List<YamlNode> documents) {}

    private YamlDocuments() {}

    static Read read(Path file, List<Problem> problems) {
        return YamlFile.read(file, YamlFile.Documents.ANY, problems)
                .map(f -> new Read(f.lines(), f.documents()))
                .orElseGet(() -> new Read(List.of(), List.of()));
    }
}
