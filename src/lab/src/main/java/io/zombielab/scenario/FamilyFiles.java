package io.zombielab.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Loads scenario family files (scenarios/families/NAME.yaml; NAME is the family's id). Every value is checked
 * before anything runs; all problems are reported together, each with file, line and key.
 *
 * <pre>
 * family:
 *   door: shell-entrypoint                      # see {@link Door}
 *   title: "Shell entrypoints"
 *   upstream: [mrmn2/PdfDing#165]               # owner/repo#number, one or more
 *   broke: "what users saw, in a sentence"
 *   fix: "what fixed it, in a sentence"
 * defaults: {runs: 1, grace-seconds: 2}         # optional; any cell key but name
 * cells:
 *   - name: "a script without exec"
 *     role: bug                                 # bug or fix
 *     variant: no-exec                          # one of the door's {@link FamilyVariant}s
 *     reaper: none                              # none, tini or tini-group (the entrypoint's prefix), docker-init (--init)
 *     runs: 10                                  # optional
 *     guard: true                               # optional: in the subset the default test run runs
 *     expect: {exit-code: 137, stop-seconds: {at-least: 2}, zombies: 10}   # exact, or {at-least: x} / {below: x}
 * </pre>
 */
public final class FamilyFiles {

    private static final Set<String> TOP = Set.of("family", "defaults", "cells");
    private static final Set<String> FAMILY = Set.of("door", "title", "upstream", "broke", "fix");
    private static final Set<String> CELL =
            Set.of("name", "role", "variant", "reaper", "runs", "grace-seconds", "guard", "expect");
    private static final Set<String> BOUND = Set.of("at-least", "below");
    /** The reapers a family cell can run under: no init, tini (or tini -g) in its command, the engine's --init. */
    public static final Set<Reaper> REAPERS = Set.of(Reaper.NONE, Reaper.TINI, Reaper.TINI_GROUP, Reaper.DOCKER_INIT);

    private static final Pattern UPSTREAM = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+#[0-9]+");

    private FamilyFiles() {}

    /** Whether {@code file} is a family file: a YAML mapping whose first key is {@code family}. */
    public static boolean isFamilyFile(Path file) {
        try {
            return new Compose(LoadSettings.builder().build())
                    .composeString(Files.readString(file))
                    .filter(n -> n instanceof MappingNode m
                            && !m.getValue().isEmpty()
                            && m.getValue().get(0).getKeyNode() instanceof ScalarNode k
                            && k.getValue().equals("family"))
                    .isPresent();
        } catch (IOException | YamlEngineException e) {
            return false; // ScenarioFiles then reports what is wrong with it
        }
    }

    /** The families of {@code files}, in order; throws {@link ScenarioFileException} listing every problem found. */
    public static List<Family> load(List<Path> files) {
        List<ScenarioFileException.Problem> problems = new ArrayList<>();
        List<Family> families = new ArrayList<>();
        for (Path file : files) {
            loadFile(file, problems).ifPresent(families::add);
        }
        if (!problems.isEmpty()) {
            throw new ScenarioFileException(problems);
        }
        return List.copyOf(families);
    }

    /** The family's id: its file's name without .yaml. */
    public static String idOf(Path file) {
        return file.getFileName().toString().replaceFirst("\\.yaml$", "");
    }

    private static Optional<Family> loadFile(Path file, List<ScenarioFileException.Problem> problems) {
        String name = file.toString();
        Optional<YamlNode> root = YamlFile.single(file, "the file is empty; it needs 'family:' and 'cells:'", problems);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        int before = problems.size();
        YamlNode top = root.get();
        Map<String, YamlNode> doc = top.mapping(TOP).orElse(Map.of());
        for (String key : List.of("family", "cells")) {
            if (!doc.isEmpty() && !doc.containsKey(key)) {
                top.problem("missing key '" + key + "'");
            }
        }
        if (!doc.containsKey("family") || !doc.containsKey("cells")) {
            return Optional.empty();
        }
        Map<String, YamlNode> about = doc.get("family").mapping(FAMILY).orElse(Map.of());
        Optional<Door> door = required(doc.get("family"), about, "door")
                .flatMap(n -> n.text().flatMap(t -> {
                    try {
                        return Optional.of(Door.byId(t));
                    } catch (IllegalArgumentException e) {
                        n.problem(e.getMessage());
                        return Optional.empty();
                    }
                }));
        Optional<String> title = required(doc.get("family"), about, "title").flatMap(YamlNode::text);
        Optional<String> broke = required(doc.get("family"), about, "broke").flatMap(YamlNode::text);
        Optional<String> fix = required(doc.get("family"), about, "fix").flatMap(YamlNode::text);
        List<String> upstream = new ArrayList<>();
        required(doc.get("family"), about, "upstream")
                .ifPresent(u -> u.oneOrMany().forEach(item -> item.text().ifPresent(t -> {
                    if (UPSTREAM.matcher(t).matches()) {
                        upstream.add(t);
                    } else {
                        item.problem("must be an upstream report as owner/repo#number, found '" + t + "'");
                    }
                })));
        if (door.isEmpty()) {
            return Optional.empty();
        }
        Map<String, YamlNode> defaults = Optional.ofNullable(doc.get("defaults"))
                .flatMap(d -> d.mapping(withoutName()))
                .orElse(Map.of());
        String id = idOf(file);
        List<FamilyCell> cells = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        doc.get("cells").sequence().orElse(List.of()).forEach(entry -> entry.mapping(CELL)
                .ifPresent(own -> {
                    Map<String, YamlNode> fields = new LinkedHashMap<>(defaults);
                    fields.putAll(own);
                    cell(id, door.get(), entry, fields).ifPresent(c -> {
                        Integer earlier = seen.putIfAbsent(c.id(), entry.line());
                        if (earlier != null) {
                            entry.problem("cell " + c.id() + " is already defined at " + name + ":" + earlier);
                        } else {
                            cells.add(c);
                        }
                    });
                }));
        if (problems.size() == before && cells.isEmpty()) {
            doc.get("cells").problem("the family has no cells");
        }
        if (problems.size() == before && cells.stream().noneMatch(c -> c.role() == Role.BUG)
                || problems.size() == before && cells.stream().noneMatch(c -> c.role() == Role.FIX)) {
            doc.get("cells").problem("a family needs a bug cell and a fix cell");
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Family(
                id, door.get(), title.orElseThrow(), upstream, broke.orElseThrow(), fix.orElseThrow(), file, cells));
    }

    private static Optional<FamilyCell> cell(String family, Door door, YamlNode entry, Map<String, YamlNode> f) {
        Optional<String> name = required(entry, f, "name").flatMap(YamlNode::text);
        Optional<Role> role = required(entry, f, "role").flatMap(n -> n.word(Role.class));
        Optional<FamilyVariant> variant = required(entry, f, "variant")
                .flatMap(n -> n.text().flatMap(t -> {
                    try {
                        return Optional.of(FamilyVariant.of(door, t));
                    } catch (IllegalArgumentException e) {
                        n.problem(e.getMessage());
                        return Optional.empty();
                    }
                }));
        Optional<Reaper> reaper = Optional.ofNullable(f.get("reaper"))
                .map(n -> n.text().flatMap(t -> {
                    try {
                        Reaper r = Reaper.byId(t);
                        if (REAPERS.contains(r)) {
                            return Optional.of(r);
                        }
                        n.problem("a family cell runs under none, tini, tini-group or docker-init, not '" + t + "'");
                    } catch (IllegalArgumentException e) {
                        n.problem(e.getMessage());
                    }
                    return Optional.<Reaper>empty();
                }))
                .orElse(Optional.of(Reaper.NONE));
        Optional<Integer> runs =
                Optional.ofNullable(f.get("runs")).map(n -> n.integer(1, 200)).orElse(Optional.of(1));
        Optional<Integer> grace = Optional.ofNullable(f.get("grace-seconds"))
                .map(n -> n.integer(1, 60))
                .orElse(Optional.of(2));
        Optional<Boolean> guard =
                Optional.ofNullable(f.get("guard")).map(YamlNode::bool).orElse(Optional.of(false));
        Optional<Map<Measure, Expected>> expect = required(entry, f, "expect").flatMap(FamilyFiles::expectations);
        if (name.isEmpty()
                || role.isEmpty()
                || variant.isEmpty()
                || reaper.isEmpty()
                || runs.isEmpty()
                || grace.isEmpty()
                || guard.isEmpty()
                || expect.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FamilyCell(
                family,
                name.get(),
                role.get(),
                variant.get(),
                reaper.get(),
                runs.get(),
                Duration.ofSeconds(grace.get()),
                expect.get(),
                guard.get()));
    }

    /** Each measure's expectation: a whole number (exact) or {at-least: x} / {below: x}. */
    private static Optional<Map<Measure, Expected>> expectations(YamlNode node) {
        Set<String> ids = Set.copyOf(
                java.util.Arrays.stream(Measure.values()).map(Measure::id).toList());
        Map<String, YamlNode> f = node.mapping(ids).orElse(null);
        if (f == null) {
            return Optional.empty();
        }
        if (f.isEmpty()) {
            node.problem("name at least one measure");
            return Optional.empty();
        }
        Map<Measure, Expected> out = new EnumMap<>(Measure.class);
        boolean ok = true;
        for (Map.Entry<String, YamlNode> e : f.entrySet()) {
            Optional<Expected> expected = expected(e.getValue());
            expected.ifPresent(x -> out.put(Measure.byId(e.getKey()), x));
            ok &= expected.isPresent();
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    private static Optional<Expected> expected(YamlNode node) {
        if (node.isScalar()) {
            return node.integer(0, 1_000_000).map(Expected.Exactly::new);
        }
        Map<String, YamlNode> f = node.mapping(BOUND).orElse(null);
        if (f == null) {
            return Optional.empty();
        }
        if (f.size() != 1) {
            node.problem("give exactly one of at-least, below");
            return Optional.empty();
        }
        var entry = f.entrySet().iterator().next();
        return number(entry.getValue())
                .map(x -> entry.getKey().equals("at-least") ? new Expected.AtLeast(x) : new Expected.Below(x));
    }

    private static Optional<Double> number(YamlNode node) {
        return node.text().flatMap(t -> {
            try {
                return Optional.of(Double.parseDouble(t));
            } catch (NumberFormatException e) {
                node.problem("must be a number, found '" + t + "'");
                return Optional.empty();
            }
        });
    }

    private static Optional<YamlNode> required(YamlNode owner, Map<String, YamlNode> fields, String key) {
        YamlNode node = fields.get(key);
        if (node == null) {
            owner.problem("missing key '" + key + "'");
        }
        return Optional.ofNullable(node);
    }

    private static Set<String> withoutName() {
        Set<String> copy = new java.util.HashSet<>(CELL);
        copy.remove("name");
        return Set.copyOf(copy);
    }
}
