package io.zombielab.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A YAML node with the path that leads to it ({@code scenarios[2].workload.chain}) and its line, so that
 * every reading error can say where it is. Problems are collected, not thrown, so that one run reports
 * everything wrong in a file. Scenario files, Compose files and Kubernetes manifests are all read with it.
 */
public final class YamlNode {

    private final Node node;
    private final String path;
    private final String file;
    private final List<ScenarioFileException.Problem> problems;

    public YamlNode(Node node, String path, String file, List<ScenarioFileException.Problem> problems) {
        this.node = node;
        this.path = path;
        this.file = file;
        this.problems = problems;
    }

    public String path() {
        return path;
    }

    public int line() {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    public void problem(String message) {
        problems.add(new ScenarioFileException.Problem(file, line(), path, message));
    }

    /** The column the node starts at, from 0: where a line added beside it is indented to. */
    public int column() {
        return node.getStartMark().map(m -> m.getColumn()).orElse(0);
    }

    /** The file it is in, as named when it was read. */
    public String file() {
        return file;
    }

    public boolean isMapping() {
        return node instanceof MappingNode;
    }

    /** A scalar's text as written, blank or not; empty for a mapping or a list. */
    public Optional<String> scalar() {
        return node instanceof ScalarNode scalar ? Optional.of(scalar.getValue()) : Optional.empty();
    }

    /** YAML's null: {@code ~}, {@code null} or nothing at all. */
    public boolean isNull() {
        return node instanceof ScalarNode scalar
                && scalar.getScalarStyle() == org.snakeyaml.engine.v2.common.ScalarStyle.PLAIN
                && (scalar.getValue().isEmpty()
                        || scalar.getValue().equals("~")
                        || scalar.getValue().equalsIgnoreCase("null"));
    }

    /** One key of a mapping: the key's own node (its line is the key's) and its value. */
    public record Entry(String key, YamlNode keyNode, YamlNode value) {}

    /**
     * Every key of a mapping, in file order, whatever they are (the caller says which it takes); reports a
     * non-mapping, a key that is not a plain word and a key given twice.
     */
    public Optional<List<Entry>> entries() {
        if (!(node instanceof MappingNode mapping)) {
            problem("must be a mapping, found " + describe());
            return Optional.empty();
        }
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            YamlNode keyNode = new YamlNode(tuple.getKeyNode(), path, file, problems);
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                keyNode.problem("keys must be plain words, found " + keyNode.describe());
                continue;
            }
            String name = key.getValue();
            YamlNode at = new YamlNode(key, child(name), file, problems);
            if (seen.containsKey(name)) {
                at.problem("key given twice (first at line " + seen.get(name) + ")");
                continue;
            }
            seen.put(name, at.line());
            entries.add(new Entry(name, at, new YamlNode(tuple.getValueNode(), child(name), file, problems)));
        }
        return Optional.of(entries);
    }

    public boolean isScalar() {
        return node instanceof ScalarNode;
    }

    public boolean isSequence() {
        return node instanceof SequenceNode;
    }

    /** The keys of a mapping, in file order; reports a non-mapping, duplicate keys and keys not in {@code allowed}. */
    public Optional<Map<String, YamlNode>> mapping(Set<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            problem("must be a mapping of " + new TreeSet<>(allowed) + ", found " + describe());
            return Optional.empty();
        }
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            YamlNode keyNode = new YamlNode(tuple.getKeyNode(), path, file, problems);
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                keyNode.problem("keys must be plain words, found " + keyNode.describe());
                continue;
            }
            String name = key.getValue();
            YamlNode value = new YamlNode(tuple.getValueNode(), child(name), file, problems);
            if (!allowed.contains(name)) {
                new YamlNode(key, child(name), file, problems)
                        .problem("unknown key '" + name + "' (known here: " + String.join(", ", new TreeSet<>(allowed))
                                + ")");
            } else if (entries.containsKey(name)) {
                new YamlNode(key, child(name), file, problems)
                        .problem("key given twice (first at line "
                                + entries.get(name).line() + ")");
            } else {
                entries.put(name, value);
            }
        }
        return Optional.of(entries);
    }

    public Optional<List<YamlNode>> sequence() {
        if (!(node instanceof SequenceNode sequence)) {
            problem("must be a list, found " + describe());
            return Optional.empty();
        }
        List<YamlNode> items = new ArrayList<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            items.add(new YamlNode(sequence.getValue().get(i), path + "[" + i + "]", file, problems));
        }
        return Optional.of(items);
    }

    /** An enum constant written in lower case ('grows', 'flat', 'bug', 'fix'); any other word is a problem here, naming them. */
    public <E extends Enum<E>> Optional<E> word(Class<E> type) {
        return text().flatMap(t -> {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().toLowerCase(java.util.Locale.ROOT).equals(t)) {
                    return Optional.of(constant);
                }
            }
            problem("must be one of "
                    + java.util.Arrays.stream(type.getEnumConstants())
                            .map(c -> "'" + c.name().toLowerCase(java.util.Locale.ROOT) + "'")
                            .toList()
                    + ", found '" + t + "'");
            return Optional.empty();
        });
    }

    public Optional<String> text() {
        if (!(node instanceof ScalarNode scalar)) {
            problem("must be a single value, found " + describe());
            return Optional.empty();
        }
        if (scalar.getValue().isBlank()) {
            problem("must not be empty");
            return Optional.empty();
        }
        return Optional.of(scalar.getValue().trim());
    }

    /** A whole number in [min, max]. */
    public Optional<Integer> integer(int min, int max) {
        return text().flatMap(t -> {
            try {
                int value = Integer.parseInt(t);
                if (value < min || value > max) {
                    problem("must be between " + min + " and " + max + ", found " + value);
                    return Optional.empty();
                }
                return Optional.of(value);
            } catch (NumberFormatException e) {
                problem("must be a whole number, found '" + t + "'");
                return Optional.empty();
            }
        });
    }

    /** true or false; anything else is a problem (YAML's yes/no/on/off are not taken: one spelling, as written). */
    public Optional<Boolean> bool() {
        return text().flatMap(t -> {
            if (t.equals("true") || t.equals("false")) {
                return Optional.of(t.equals("true"));
            }
            problem("must be true or false, found '" + t + "'");
            return Optional.empty();
        });
    }

    /** A single value or a list of them: the list makes a matrix. */
    public List<YamlNode> oneOrMany() {
        return isSequence() ? sequence().orElse(List.of()) : List.of(this);
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private String describe() {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return "'" + ((ScalarNode) node).getValue() + "'";
    }
}
