package io.zombielab.deploy;

import io.zombielab.image.DeployBuild;
import io.zombielab.promise.ConfigReading;
import io.zombielab.promise.Deployment;
import io.zombielab.scenario.ScenarioFileException.Problem;
import io.zombielab.scenario.YamlNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code validate --compose FILE}: each service as Compose would run it, a member of the fleet. What Compose does
 * with a key zombielab follows (docs/deploy.md cites Compose's reference for each): {@code image}, or {@code build}
 * (built once, labelled io.zombielab=true); {@code entrypoint} replaces the image's ENTRYPOINT and clears its CMD
 * unless {@code command} is given; {@code command} replaces CMD; {@code init}; {@code stop_signal};
 * {@code stop_grace_period} (docker stop's timeout; Compose's default 10s); {@code user}; {@code working_dir};
 * {@code environment} and {@code env_file}; {@code healthcheck} (its test run N times while the promises are
 * checked); {@code profiles}; {@code ${VAR}} from the environment and {@code .env}. Keys that change nothing about
 * PID 1 (ports, networks, ...) are read and named in a note; any other key is a file:line error, never ignored.
 */
public final class ComposeFile {

    private static final Set<String> TOP =
            Set.of("services", "name", "version", "networks", "volumes", "secrets", "configs");
    private static final Set<String> APPLIED = Set.of(
            "image",
            "build",
            "entrypoint",
            "command",
            "init",
            "stop_signal",
            "stop_grace_period",
            "user",
            "healthcheck",
            "environment",
            "env_file",
            "working_dir",
            "profiles");
    /** Read, and said in a note: none of these changes what PID 1 is or does with orphans and signals. */
    private static final Set<String> NOT_MODELLED = Set.of(
            "container_name",
            "ports",
            "expose",
            "networks",
            "volumes",
            "restart",
            "labels",
            "depends_on",
            "logging",
            "deploy",
            "hostname",
            "domainname",
            "extra_hosts",
            "dns",
            "dns_search",
            "cap_add",
            "cap_drop",
            "secrets",
            "configs",
            "mem_limit",
            "memswap_limit",
            "mem_reservation",
            "cpus",
            "cpu_shares",
            "ulimits",
            "tty",
            "stdin_open",
            "platform",
            "pull_policy",
            "sysctls",
            "read_only",
            "tmpfs",
            "security_opt",
            "shm_size",
            "devices",
            "links",
            "external_links");

    private static final Set<String> BUILD = Set.of("context", "dockerfile", "target", "args");
    private static final Set<String> HEALTHCHECK =
            Set.of("test", "interval", "timeout", "retries", "start_period", "start_interval", "disable");
    /** Compose's default stop_grace_period and healthcheck interval. */
    static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);

    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

    private final Path file;
    private final String name;
    private final List<String> lines;
    private final Interpolation vars;
    /** The caller's environment: a bare environment key takes its value from here. */
    private final Map<String, String> callerEnvironment;

    private final List<Problem> problems;
    private final int probeRuns;

    private ComposeFile(
            Path file,
            List<String> lines,
            Interpolation vars,
            Map<String, String> callerEnvironment,
            List<Problem> problems,
            int probeRuns) {
        this.file = file;
        this.name = file.toString();
        this.lines = lines;
        this.vars = vars;
        this.callerEnvironment = callerEnvironment;
        this.problems = problems;
        this.probeRuns = probeRuns;
    }

    /**
     * The services of {@code file} that run with {@code profiles} enabled, in file order; each problem at its
     * file:line goes to {@code problems}. {@code environment} is the caller's (zombielab reads it at its edge):
     * {@code ${VAR}} takes it before the file's .env, and a bare environment key takes its value from it.
     */
    public static List<FleetMember> read(
            Path file, Map<String, String> environment, List<String> profiles, int probeRuns, List<Problem> problems) {
        YamlDocuments.Read read = YamlDocuments.read(file, problems);
        if (read.documents().isEmpty()) {
            if (problems.stream().noneMatch(p -> p.file().equals(file.toString()))) {
                problems.add(new Problem(file.toString(), 0, "", "is empty: a Compose file has services"));
            }
            return List.of();
        }
        if (read.documents().size() > 1) {
            problems.add(new Problem(
                    file.toString(), read.documents().get(1).line(), "", "a Compose file is one YAML document"));
            return List.of();
        }
        Path dir = file.toAbsolutePath().getParent();
        ComposeFile compose = new ComposeFile(
                file, read.lines(), Interpolation.of(environment, dir, problems), environment, problems, probeRuns);
        return compose.services(read.documents().get(0), profiles);
    }

    private List<FleetMember> services(YamlNode root, List<String> profiles) {
        Optional<List<YamlNode.Entry>> top = root.entries();
        if (top.isEmpty()) {
            return List.of();
        }
        YamlNode services = null;
        for (YamlNode.Entry e : top.get()) {
            if (e.key().equals("services")) {
                services = e.value();
            } else if (e.key().equals("include")) {
                e.keyNode().problem("include is not supported: validate each Compose file with its own --compose FILE");
            } else if (!TOP.contains(e.key()) && !e.key().startsWith("x-")) {
                e.keyNode()
                        .problem("unknown top-level key '" + e.key() + "' (known: "
                                + String.join(", ", new TreeSet<>(TOP)) + ", x-*)");
            }
        }
        if (services == null) {
            root.problem("has no services");
            return List.of();
        }
        List<FleetMember> members = new ArrayList<>();
        for (YamlNode.Entry s : services.entries().orElse(List.of())) {
            service(s, profiles).ifPresent(members::add);
        }
        return members;
    }

    private Optional<FleetMember> service(YamlNode.Entry s, List<String> enabled) {
        String service = s.key();
        Optional<List<YamlNode.Entry>> keys = s.value().entries();
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        int before = problems.size();
        Map<String, YamlNode> applied = new LinkedHashMap<>();
        List<String> notModelled = new ArrayList<>();
        for (YamlNode.Entry k : keys.get()) {
            if (APPLIED.contains(k.key())) {
                applied.put(k.key(), k.value());
            } else if (NOT_MODELLED.contains(k.key())) {
                notModelled.add(k.key() + " (line " + k.keyNode().line() + ")");
            } else if (k.key().startsWith("x-")) {
                continue;
            } else {
                k.keyNode()
                        .problem("'" + k.key() + "' is not supported: validate cannot run service " + service
                                + " as Compose would with it (it models: " + String.join(", ", new TreeSet<>(APPLIED))
                                + ")");
            }
        }
        List<String> profiles =
                Optional.ofNullable(applied.get("profiles")).map(this::words).orElse(List.of());
        if (!profiles.isEmpty() && profiles.stream().noneMatch(enabled::contains)) {
            return Optional.empty();
        }
        Optional<String> image = Optional.ofNullable(applied.get("image")).flatMap(this::text);
        Optional<BuildSpec> build = Optional.ofNullable(applied.get("build")).flatMap(this::build);
        if (image.isEmpty() && build.isEmpty() && !applied.containsKey("image") && !applied.containsKey("build")) {
            s.keyNode()
                    .problem("service " + service + " has neither image nor build: Compose would have nothing to run");
        }
        Optional<List<String>> entrypoint = Optional.ofNullable(applied.get("entrypoint"))
                .filter(n -> !n.isNull())
                .map(this::command);
        Optional<List<String>> command = Optional.ofNullable(applied.get("command"))
                .filter(n -> !n.isNull())
                .map(this::command);
        entrypoint.filter(List::isEmpty).ifPresent(e -> applied.get("entrypoint")
                .problem("an empty entrypoint (clearing the image's) is not supported: give the program to run"));
        boolean init = Optional.ofNullable(applied.get("init")).map(this::bool).orElse(false);
        Optional<String> stopSignal =
                Optional.ofNullable(applied.get("stop_signal")).flatMap(this::text);
        Duration grace = Optional.ofNullable(applied.get("stop_grace_period"))
                .flatMap(this::grace)
                .orElse(DEFAULT_GRACE);
        Optional<String> user = Optional.ofNullable(applied.get("user")).flatMap(this::text);
        Optional<String> workingDir =
                Optional.ofNullable(applied.get("working_dir")).flatMap(this::text);
        Map<String, String> environment = new LinkedHashMap<>();
        Optional.ofNullable(applied.get("env_file")).ifPresent(n -> envFiles(n, environment));
        Optional.ofNullable(applied.get("environment")).ifPresent(n -> environment(n, environment));
        List<Deployment.ExecProbe> probes = Optional.ofNullable(applied.get("healthcheck"))
                .flatMap(this::healthcheck)
                .map(List::of)
                .orElse(List.of());
        if (problems.size() > before) {
            return Optional.empty();
        }
        Deployment deployment = new Deployment(
                entrypoint,
                command.or(() -> entrypoint.map(e -> List.of())),
                user,
                stopSignal,
                environment,
                workingDir,
                probes,
                Optional.empty(),
                Optional.empty());
        String ref = build.map(b -> DeployBuild.tag(b, service)).orElseGet(image::get);
        YamlNode firstKey = keys.get().get(0).keyNode();
        ComposeFix fix = new ComposeFix(
                name,
                service,
                lines,
                firstKey.line(),
                firstKey.column(),
                line(keys.get(), "init"),
                init,
                line(keys.get(), "stop_grace_period"),
                grace);
        List<String> notes = new ArrayList<>();
        if (!notModelled.isEmpty()) {
            notes.add("read, not modelled (no effect on PID 1): " + String.join(", ", notModelled));
        }
        if (!vars.unset().isEmpty()) {
            notes.add("unset variables became \"\" (as in Compose): " + String.join(", ", new TreeSet<>(vars.unset())));
        }
        return Optional.of(new FleetMember(
                service,
                ref,
                new Source(name, s.keyNode().line()),
                init ? ConfigReading.Front.ENGINE_INIT : ConfigReading.Front.NONE,
                Optional.empty(),
                deployment,
                Optional.of(grace),
                build,
                Optional.of(fix),
                notes));
    }

    private static Optional<Integer> line(List<YamlNode.Entry> keys, String key) {
        return keys.stream()
                .filter(k -> k.key().equals(key))
                .map(k -> k.keyNode().line())
                .findFirst();
    }

    /** A scalar with its variables substituted. */
    private Optional<String> text(YamlNode node) {
        return node.text().flatMap(t -> {
            try {
                String value = vars.apply(t);
                if (value.isBlank()) {
                    node.problem("is empty once its variables are substituted ('" + t + "')");
                    return Optional.empty();
                }
                return Optional.of(value);
            } catch (IllegalArgumentException e) {
                node.problem(e.getMessage());
                return Optional.empty();
            }
        });
    }

    /** A command as Compose takes one: a list of words, or a string split as a shell would (nothing expanded). */
    private List<String> command(YamlNode node) {
        if (node.isSequence()) {
            return node.sequence().orElse(List.of()).stream()
                    .map(this::text)
                    .flatMap(Optional::stream)
                    .toList();
        }
        return text(node)
                .map(t -> {
                    try {
                        return ShellWords.split(t);
                    } catch (IllegalArgumentException e) {
                        node.problem(e.getMessage());
                        return List.<String>of();
                    }
                })
                .orElse(List.of());
    }

    private List<String> words(YamlNode node) {
        return node.sequence().orElse(List.of()).stream()
                .map(this::text)
                .flatMap(Optional::stream)
                .toList();
    }

    private boolean bool(YamlNode node) {
        Optional<String> t = text(node);
        if (t.isPresent() && t.get().matches("(?i)true|false")) {
            return Boolean.parseBoolean(t.get());
        }
        t.ifPresent(v -> node.problem("must be true or false, found '" + v + "'"));
        return false;
    }

    private Optional<Duration> duration(YamlNode node) {
        return text(node).flatMap(t -> {
            try {
                return Optional.of(GoDuration.parse(t));
            } catch (IllegalArgumentException e) {
                node.problem(e.getMessage());
                return Optional.empty();
            }
        });
    }

    /** docker stop's timeout is whole seconds: Compose gives the engine the grace period's seconds. */
    private Optional<Duration> grace(YamlNode node) {
        return duration(node).flatMap(d -> {
            if (d.toSeconds() < 1) {
                node.problem("is " + d.toMillis()
                        + " ms: docker stop's timeout is whole seconds, and validate needs at least 1 s");
                return Optional.empty();
            }
            return Optional.of(Duration.ofSeconds(d.toSeconds()));
        });
    }

    private Optional<BuildSpec> build(YamlNode node) {
        Path dir = file.toAbsolutePath().getParent();
        if (node.isScalar()) {
            return text(node)
                    .map(c -> dir.resolve(c).normalize())
                    .map(c -> new BuildSpec(
                            c, c.resolve("Dockerfile"), Optional.empty(), Map.of(), new Source(name, node.line())));
        }
        Map<String, YamlNode> keys = node.mapping(BUILD).orElse(Map.of());
        Optional<Path> context = Optional.ofNullable(keys.get("context"))
                .flatMap(this::text)
                .map(c -> dir.resolve(c).normalize());
        if (context.isEmpty()) {
            if (!keys.containsKey("context")) {
                node.problem("build needs a context");
            }
            return Optional.empty();
        }
        Path dockerfile = Optional.ofNullable(keys.get("dockerfile"))
                .flatMap(this::text)
                .map(d -> context.get().resolve(d))
                .orElse(context.get().resolve("Dockerfile"));
        Map<String, String> args = new LinkedHashMap<>();
        Optional.ofNullable(keys.get("args")).ifPresent(a -> environment(a, args));
        return Optional.of(new BuildSpec(
                context.get(),
                dockerfile,
                Optional.ofNullable(keys.get("target")).flatMap(this::text),
                args,
                new Source(name, node.line())));
    }

    /** environment (or build args): a mapping, or a list of KEY=VALUE; a KEY alone takes the caller's value. */
    private void environment(YamlNode node, Map<String, String> into) {
        if (node.isSequence()) {
            for (YamlNode item : node.sequence().orElse(List.of())) {
                text(item).ifPresent(t -> {
                    int eq = t.indexOf('=');
                    if (eq > 0) {
                        into.put(t.substring(0, eq), t.substring(eq + 1));
                    } else {
                        Optional.ofNullable(callerEnvironment.get(t)).ifPresent(v -> into.put(t, v));
                    }
                });
            }
            return;
        }
        for (YamlNode.Entry e : node.entries().orElse(List.of())) {
            if (e.value().isNull()) {
                Optional.ofNullable(callerEnvironment.get(e.key())).ifPresent(v -> into.put(e.key(), v));
            } else {
                e.value()
                        .scalar()
                        .ifPresentOrElse(
                                v -> {
                                    try {
                                        into.put(e.key(), vars.apply(v));
                                    } catch (IllegalArgumentException bad) {
                                        e.value().problem(bad.getMessage());
                                    }
                                },
                                () -> e.value().problem("must be a single value"));
            }
        }
    }

    private void envFiles(YamlNode node, Map<String, String> into) {
        Path dir = file.toAbsolutePath().getParent();
        for (YamlNode f : node.oneOrMany()) {
            text(f).ifPresent(path -> {
                Path envFile = dir.resolve(path);
                if (!java.nio.file.Files.isRegularFile(envFile)) {
                    f.problem("env_file " + envFile + " does not exist");
                } else {
                    into.putAll(Interpolation.EnvFile.read(envFile, problems));
                }
            });
        }
    }

    /**
     * A healthcheck's test as the engine runs it: {@code ["CMD", prog, args...]} as is, {@code ["CMD-SHELL", line]} or a
     * string through {@code /bin/sh -c}; {@code ["NONE"]} or {@code disable: true}: none. Run every min(interval, 1 s).
     */
    private Optional<Deployment.ExecProbe> healthcheck(YamlNode node) {
        Map<String, YamlNode> keys = node.mapping(HEALTHCHECK).orElse(Map.of());
        if (Optional.ofNullable(keys.get("disable")).map(this::bool).orElse(false)) {
            return Optional.empty();
        }
        Duration interval = Optional.ofNullable(keys.get("interval"))
                .flatMap(this::duration)
                .orElse(DEFAULT_INTERVAL);
        YamlNode test = keys.get("test");
        if (test == null) {
            node.problem(
                    "healthcheck has no test (an image's own HEALTHCHECK is not run by validate: give the test here)");
            return Optional.empty();
        }
        List<String> argv;
        if (test.isSequence()) {
            List<String> words = words(test);
            if (words.isEmpty()) {
                return Optional.empty();
            }
            switch (words.get(0)) {
                case "NONE" -> {
                    return Optional.empty();
                }
                case "CMD" -> argv = words.subList(1, words.size());
                case "CMD-SHELL" -> argv = List.of("/bin/sh", "-c", String.join(" ", words.subList(1, words.size())));
                default -> {
                    test.problem(
                            "a healthcheck test list starts with CMD, CMD-SHELL or NONE, not '" + words.get(0) + "'");
                    return Optional.empty();
                }
            }
        } else {
            argv = text(test).map(t -> List.of("/bin/sh", "-c", t)).orElse(List.of());
        }
        if (argv.isEmpty()) {
            test.problem("healthcheck test has no command");
            return Optional.empty();
        }
        return Optional.of(
                new Deployment.ExecProbe("healthcheck", argv, interval, probeRuns, name + ":" + test.line()));
    }
}
