package io.zombielab.scenario;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Loads scenarios/*.yaml into cells. Every value is checked before anything runs; all problems of all files
 * are reported together, each with file, line and key (see {@link ScenarioFileException}).
 *
 * <pre>
 * defaults:                 # optional; any scenario key, used where a scenario does not give it
 *   supervisor: go
 * scenarios:
 *   - name: "stage 1: original code"   # optional; defaults to the cell's id
 *     reaper: none                     # one id, or a list of ids: a list makes a matrix
 *     supervisor: go                   # one or a list
 *     kill: pid-kill                   # one or a list
 *     workload: {chain: {levels: 2, ballast-mib: 32, term-linger-ms: 3000}}   # optional; the default
 *                                      # or {next-app: {port-base: 3000}}: the real Next.js app
 *     cycles: 3                        # optional
 *     limits: {pids: 512, memory-mib: 1024}                                   # optional
 *     expect: truth-table              # optional; or a mapping that overrides the truth table:
 *                                      # {zombies-per-cycle: 2, live-orphans-per-cycle: 0, memory: flat, spawn: fails}
 *     guard: true                      # optional: in the subset the default test run runs (MatrixTest)
 * </pre>
 */
public final class ScenarioFiles {

    private static final Set<String> TOP = Set.of("defaults", "scenarios");
    private static final Set<String> SCENARIO =
            Set.of("name", "reaper", "supervisor", "kill", "workload", "cycles", "limits", "expect", "guard");
    private static final Set<String> WORKLOAD = WorkloadKind.ids();
    private static final Set<String> LIMITS = Set.of("pids", "memory-mib", "up-timeout-ms", "settle-timeout-ms");
    private static final Set<String> EXPECT = Set.of("zombies-per-cycle", "live-orphans-per-cycle", "memory", "spawn");
    private static final int DEFAULT_CYCLES = 3;

    private ScenarioFiles() {}

    /** A cell and the file that defines it: reports that group cells by file (JUnit XML) need both. */
    public record FileCell(Path file, Scenario scenario) {}

    /** The cells of all files, in order; throws {@link ScenarioFileException} listing every problem found. */
    public static List<Scenario> load(List<Path> files) {
        return loadWithFiles(files).stream().map(FileCell::scenario).toList();
    }

    /** As {@link #load}, each cell with the file it came from. */
    public static List<FileCell> loadWithFiles(List<Path> files) {
        List<ScenarioFileException.Problem> problems = new ArrayList<>();
        List<FileCell> cells = new ArrayList<>();
        for (Path file : files) {
            // A cell id is unique within its file; files may share ids (the same cell under other limits).
            Map<String, String> seen = new HashMap<>();
            for (Located cell : loadFile(file, problems)) {
                String where = cell.file + ":" + cell.line;
                String earlier = seen.putIfAbsent(cell.scenario.id(), where);
                if (earlier != null) {
                    problems.add(new ScenarioFileException.Problem(
                            cell.file,
                            cell.line,
                            cell.path,
                            "cell " + cell.scenario.id() + " is already defined at " + earlier));
                } else {
                    cells.add(new FileCell(file, cell.scenario));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioFileException(problems);
        }
        if (cells.isEmpty()) {
            throw new ScenarioFileException(List.of(new ScenarioFileException.Problem(
                    files.isEmpty() ? "(no file)" : files.get(0).toString(), 0, "", "no scenarios to run")));
        }
        return List.copyOf(cells);
    }

    private record Located(Scenario scenario, String file, int line, String path) {}

    private static List<Located> loadFile(Path file, List<ScenarioFileException.Problem> problems) {
        String name = file.toString();
        Optional<YamlNode> root = YamlFile.single(file, "the file is empty; it needs a 'scenarios:' list", problems);
        if (root.isEmpty()) {
            return List.of();
        }
        YamlNode top = root.get();
        Map<String, YamlNode> doc = top.mapping(TOP).orElse(Map.of());
        if (!doc.isEmpty() && !doc.containsKey("scenarios")) {
            top.problem("missing key 'scenarios' (the list of cells)");
        }
        Map<String, YamlNode> defaults = Optional.ofNullable(doc.get("defaults"))
                .flatMap(d -> d.mapping(without(SCENARIO, "name")))
                .orElse(Map.of());
        List<Located> cells = new ArrayList<>();
        Optional.ofNullable(doc.get("scenarios"))
                .flatMap(YamlNode::sequence)
                .orElse(List.of())
                .forEach(entry -> entry.mapping(SCENARIO).ifPresent(own -> {
                    Map<String, YamlNode> fields = new LinkedHashMap<>(defaults);
                    fields.putAll(own);
                    cells.addAll(expand(entry, fields, name));
                }));
        return cells;
    }

    /** One entry: its reaper, supervisor and kill lists crossed into cells. */
    private static List<Located> expand(YamlNode entry, Map<String, YamlNode> fields, String file) {
        List<Reaper> reapers = ids(entry, fields, "reaper", Reaper::byId, null);
        List<SupervisorKind> supervisors = ids(entry, fields, "supervisor", SupervisorKind::byId, SupervisorKind.GO);
        List<KillStrategy> kills = ids(entry, fields, "kill", KillStrategy::byId, null);
        Workload workload = Optional.ofNullable(fields.get("workload"))
                .map(ScenarioFiles::workload)
                .orElse(Optional.of(ChainWorkload.DEFAULT))
                .orElse(null);
        Integer cycles = Optional.ofNullable(fields.get("cycles"))
                .map(n -> n.integer(1, 1000))
                .orElse(Optional.of(DEFAULT_CYCLES))
                .orElse(null);
        Limits limits = Optional.ofNullable(fields.get("limits"))
                .map(ScenarioFiles::limits)
                .orElse(Optional.of(Limits.DEFAULT))
                .orElse(null);
        YamlNode expect = fields.get("expect");
        Optional<String> name = Optional.ofNullable(fields.get("name")).flatMap(YamlNode::text);
        Boolean guard = Optional.ofNullable(fields.get("guard"))
                .map(YamlNode::bool)
                .orElse(Optional.of(false))
                .orElse(null);
        if (workload == null || cycles == null || limits == null || guard == null) {
            return List.of();
        }
        List<Located> cells = new ArrayList<>();
        for (Reaper reaper : reapers) {
            for (SupervisorKind supervisor : supervisors) {
                for (KillStrategy kill : kills) {
                    if (!supervisor.supports(kill)) {
                        fields.get("kill")
                                .problem("supervisor '" + supervisor.id() + "' has no kill strategy '" + kill.id()
                                        + "' (it has: " + supervisor.kills() + ")");
                        continue;
                    }
                    Expectation table = workload.expect(reaper, kill);
                    Optional<Expectation> expectation =
                            expect == null ? Optional.of(table) : expectation(expect, table);
                    expectation.ifPresent(e -> {
                        String id = reaper.id() + "/" + supervisor.id() + "/" + kill.id();
                        cells.add(new Located(
                                new Scenario(
                                        name.orElse(id), reaper, supervisor, workload, kill, cycles, limits, e, guard),
                                file,
                                entry.line(),
                                entry.path()));
                    });
                }
            }
        }
        return cells;
    }

    private static <T> List<T> ids(
            YamlNode entry, Map<String, YamlNode> fields, String key, Function<String, T> byId, T fallback) {
        YamlNode node = fields.get(key);
        if (node == null) {
            if (fallback == null) {
                entry.problem("missing key '" + key + "'");
                return List.of();
            }
            return List.of(fallback);
        }
        List<T> values = new ArrayList<>();
        for (YamlNode item : node.oneOrMany()) {
            item.text().ifPresent(text -> {
                try {
                    values.add(byId.apply(text));
                } catch (IllegalArgumentException e) {
                    item.problem(e.getMessage());
                }
            });
        }
        if (node.isSequence() && node.oneOrMany().isEmpty()) {
            node.problem("the list is empty");
        }
        return values;
    }

    private static Optional<Workload> workload(YamlNode node) {
        Map<String, YamlNode> kinds = node.mapping(WORKLOAD).orElse(null);
        if (kinds == null) {
            return Optional.empty();
        }
        if (kinds.size() != 1) {
            node.problem("name exactly one workload (known: " + new TreeSet<>(WORKLOAD) + "), found " + kinds.size());
            return Optional.empty();
        }
        String id = kinds.keySet().iterator().next();
        WorkloadKind kind = WorkloadKind.byId(id).orElseThrow(); // mapping() admitted only known ids
        YamlNode settings = kinds.get(id);
        Set<String> keys = kind.settings();
        if (settings.isScalar()) {
            settings.problem("must be a mapping of " + new TreeSet<>(keys) + " (write {} for the defaults)");
            return Optional.empty();
        }
        Map<String, YamlNode> f = settings.mapping(keys).orElse(null);
        if (f == null) {
            return Optional.empty();
        }
        if (kind == WorkloadKind.NEXT_APP) {
            return intOr(f.get("port-base"), 1024, 59_000, NextAppWorkload.DEFAULT.portBase())
                    .map(NextAppWorkload::new);
        }
        ChainWorkload d = ChainWorkload.DEFAULT;
        Optional<Integer> levels = intOr(f.get("levels"), 1, 8, d.nodeLevels());
        Optional<Integer> ballast = intOr(f.get("ballast-mib"), 0, 1024, d.ballastMiB());
        Optional<Integer> linger =
                intOr(f.get("term-linger-ms"), 100, 60_000, (int) d.termLinger().toMillis());
        if (levels.isEmpty() || ballast.isEmpty() || linger.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ChainWorkload(levels.get(), ballast.get(), Duration.ofMillis(linger.get())));
    }

    private static Optional<Limits> limits(YamlNode node) {
        Map<String, YamlNode> f = node.mapping(LIMITS).orElse(null);
        if (f == null) {
            return Optional.empty();
        }
        Optional<Integer> pids = intOr(f.get("pids"), 8, 1_000_000, (int) Limits.DEFAULT.pidsLimit());
        Optional<Integer> memory = intOr(f.get("memory-mib"), 64, 65_536, (int) (Limits.DEFAULT.memoryBytes() >> 20));
        Optional<Integer> up = intOr(f.get("up-timeout-ms"), 100, 600_000, (int)
                Limits.DEFAULT.upTimeout().toMillis());
        Optional<Integer> settle = intOr(f.get("settle-timeout-ms"), 100, 600_000, (int)
                Limits.DEFAULT.settleTimeout().toMillis());
        if (pids.isEmpty() || memory.isEmpty() || up.isEmpty() || settle.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Limits(
                pids.get(), memory.get() * 1024L * 1024, Duration.ofMillis(up.get()), Duration.ofMillis(settle.get())));
    }

    /** 'truth-table', or a mapping whose keys override the truth table's values. */
    private static Optional<Expectation> expectation(YamlNode node, Expectation table) {
        if (node.isScalar()) {
            Optional<String> text = node.text();
            if (text.isPresent() && !text.get().equals("truth-table")) {
                node.problem("must be 'truth-table' or a mapping of " + new TreeSet<>(EXPECT) + ", found '" + text.get()
                        + "'");
                return Optional.empty();
            }
            return text.map(t -> table);
        }
        Map<String, YamlNode> f = node.mapping(EXPECT).orElse(null);
        if (f == null) {
            return Optional.empty();
        }
        Optional<Expectation> result = Optional.of(table);
        if (f.containsKey("zombies-per-cycle")) {
            result = result.flatMap(
                    e -> f.get("zombies-per-cycle").integer(0, 1000).map(e::withZombiesPerCycle));
        }
        if (f.containsKey("live-orphans-per-cycle")) {
            result = result.flatMap(
                    e -> f.get("live-orphans-per-cycle").integer(0, 1000).map(e::withLiveOrphansPerCycle));
        }
        if (f.containsKey("memory")) {
            result = result.flatMap(e -> f.get("memory").word(MemoryTrend.class).map(e::withMemory));
        }
        if (f.containsKey("spawn")) {
            result = result.flatMap(e -> f.get("spawn").word(SpawnOutcome.class).map(e::withSpawn));
        }
        return result;
    }

    private static Optional<Integer> intOr(YamlNode node, int min, int max, int fallback) {
        return node == null ? Optional.of(fallback) : node.integer(min, max);
    }

    private static Set<String> without(Set<String> keys, String key) {
        Set<String> copy = new java.util.HashSet<>(keys);
        copy.remove(key);
        return Set.copyOf(copy);
    }
}
