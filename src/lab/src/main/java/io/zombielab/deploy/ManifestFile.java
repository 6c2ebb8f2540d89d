package io.zombielab.deploy;

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
 * {@code validate --manifest FILE}: every container of every pod a Kubernetes manifest describes (Pod, and the pod
 * template of a Deployment, StatefulSet, DaemonSet or ReplicaSet; multi-document YAML), a member of the fleet, run as
 * the kubelet would: {@code command} replaces the image's ENTRYPOINT and {@code args} its CMD (a command without args
 * drops the CMD); {@code shareProcessNamespace: true} puts the pod's pause at PID 1; terminationGracePeriodSeconds
 * (default 30) is docker stop's timeout; exec liveness, readiness and startup probes run N times at min(period, 1 s)
 * while the promises are checked; a preStop exec hook runs before the stop signal; {@code lifecycle.stopSignal}.
 * Jobs and CronJobs end by themselves and are judged differently: not modelled yet, a file:line error.
 */
public final class ManifestFile {

    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet");
    private static final Set<String> POD = Set.of("containers", "shareProcessNamespace", "terminationGracePeriodSeconds");
    private static final Set<String> POD_NOT_MODELLED = Set.of("initContainers", "volumes", "restartPolicy", "nodeSelector",
            "affinity", "tolerations", "serviceAccountName", "serviceAccount", "securityContext", "imagePullSecrets", "hostname",
            "subdomain", "dnsPolicy", "dnsConfig", "priorityClassName", "schedulerName", "topologySpreadConstraints",
            "automountServiceAccountToken", "enableServiceLinks", "nodeName", "runtimeClassName", "readinessGates", "overhead",
            "preemptionPolicy", "activeDeadlineSeconds", "hostAliases");
    private static final Set<String> CONTAINER = Set.of("name", "image", "command", "args", "env", "workingDir", "livenessProbe",
            "readinessProbe", "startupProbe", "lifecycle", "securityContext");
    private static final Set<String> CONTAINER_NOT_MODELLED = Set.of("ports", "resources", "volumeMounts", "imagePullPolicy",
            "envFrom", "terminationMessagePath", "terminationMessagePolicy", "stdin", "stdinOnce", "tty", "volumeDevices",
            "resizePolicy", "restartPolicy");
    private static final Set<String> PROBE = Set.of("exec", "httpGet", "tcpSocket", "grpc", "periodSeconds", "initialDelaySeconds",
            "timeoutSeconds", "successThreshold", "failureThreshold", "terminationGracePeriodSeconds");
    /** Kubernetes' defaults: terminationGracePeriodSeconds and a probe's periodSeconds. */
    static final Duration DEFAULT_GRACE = Duration.ofSeconds(30);
    static final Duration DEFAULT_PERIOD = Duration.ofSeconds(10);

    private final String name;
    private final List<String> lines;
    private final int probeRuns;

    private ManifestFile(Path file, List<String> lines, int probeRuns) {
        this.name = file.toString();
        this.lines = lines;
        this.probeRuns = probeRuns;
    }

    /** Every container of the file's pods, in file order; each problem at its file:line goes to {@code problems}. */
    public static List<FleetMember> read(Path file, int probeRuns, List<Problem> problems) {
        YamlDocuments.Read read = YamlDocuments.read(file, problems);
        ManifestFile manifest = new ManifestFile(file, read.lines(), probeRuns);
        List<FleetMember> members = new ArrayList<>();
        for (YamlNode document : read.documents()) {
            if (!document.isNull()) {
                members.addAll(manifest.document(document));
            }
        }
        if (members.isEmpty() && problems.stream().noneMatch(p -> p.file().equals(file.toString()))) {
            problems.add(new Problem(file.toString(), 0, "", "describes no pod (kinds: Pod, " + String.join(", ", new TreeSet<>(WORKLOADS)) + ")"));
        }
        return members;
    }

    private List<FleetMember> document(YamlNode document) {
        Map<String, YamlNode> top = new LinkedHashMap<>();
        document.entries().orElse(List.of()).forEach(e -> top.put(e.key(), e.value()));
        Optional<String> kind = Optional.ofNullable(top.get("kind")).flatMap(YamlNode::text);
        if (kind.isEmpty()) {
            if (!top.containsKey("kind")) {
                document.problem("has no kind");
            }
            return List.of();
        }
        String podName = Optional.ofNullable(top.get("metadata")).flatMap(m -> m.entries().orElse(List.of()).stream()
                .filter(e -> e.key().equals("name")).findFirst()).flatMap(e -> e.value().text()).orElse(kind.get().toLowerCase());
        YamlNode spec = top.get("spec");
        if (spec == null) {
            document.problem(kind.get() + " has no spec");
            return List.of();
        }
        Optional<YamlNode> podSpec = switch (kind.get()) {
            case "Pod" -> Optional.of(spec);
            case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet" -> child(spec, "template").flatMap(t -> child(t, "spec"));
            case "Job", "CronJob" -> {
                top.get("kind").problem(kind.get() + ": a Job's containers end by themselves and are judged on their exit code; "
                        + "validate does not model that yet (validate its image with --image, or its Deployment)");
                yield Optional.empty();
            }
            default -> {
                top.get("kind").problem("unknown kind '" + kind.get() + "' (known: Pod, " + String.join(", ", new TreeSet<>(WORKLOADS)) + ")");
                yield Optional.empty();
            }
        };
        if (podSpec.isEmpty()) {
            if (WORKLOADS.contains(kind.get())) {
                spec.problem(kind.get() + " has no spec.template.spec");
            }
            return List.of();
        }
        return pod(podName, podSpec.get());
    }

    private static Optional<YamlNode> child(YamlNode node, String key) {
        return node.entries().orElse(List.of()).stream().filter(e -> e.key().equals(key)).map(YamlNode.Entry::value).findFirst();
    }

    private List<FleetMember> pod(String podName, YamlNode spec) {
        Map<String, YamlNode> keys = new LinkedHashMap<>();
        List<String> notModelled = new ArrayList<>();
        for (YamlNode.Entry e : spec.entries().orElse(List.of())) {
            if (POD.contains(e.key())) {
                keys.put(e.key(), e.value());
            } else if (POD_NOT_MODELLED.contains(e.key())) {
                notModelled.add(e.key() + " (line " + e.keyNode().line() + ")");
            } else {
                e.keyNode().problem("'" + e.key() + "' is not supported in a pod spec: validate cannot run the pod as the kubelet "
                        + "would with it (it models: " + String.join(", ", new TreeSet<>(POD)) + ")");
            }
        }
        boolean shared = Optional.ofNullable(keys.get("shareProcessNamespace")).flatMap(YamlNode::text).map("true"::equalsIgnoreCase)
                .orElse(false);
        Optional<Integer> graceLine = Optional.ofNullable(keys.get("terminationGracePeriodSeconds")).map(YamlNode::line);
        Duration grace = Optional.ofNullable(keys.get("terminationGracePeriodSeconds")).flatMap(n -> n.integer(1, 86_400))
                .map(Duration::ofSeconds).orElse(DEFAULT_GRACE);
        YamlNode containers = keys.get("containers");
        if (containers == null) {
            spec.problem("a pod spec needs containers");
            return List.of();
        }
        List<FleetMember> members = new ArrayList<>();
        for (YamlNode c : containers.sequence().orElse(List.of())) {
            container(podName, c, shared, grace, graceLine, spec, notModelled).ifPresent(members::add);
        }
        return members;
    }

    private Optional<FleetMember> container(String podName, YamlNode node, boolean shared, Duration grace, Optional<Integer> graceLine,
                                            YamlNode spec, List<String> podNotes) {
        Map<String, YamlNode> keys = new LinkedHashMap<>();
        List<String> notModelled = new ArrayList<>(podNotes);
        for (YamlNode.Entry e : node.entries().orElse(List.of())) {
            if (CONTAINER.contains(e.key())) {
                keys.put(e.key(), e.value());
            } else if (CONTAINER_NOT_MODELLED.contains(e.key())) {
                notModelled.add(e.key() + " (line " + e.keyNode().line() + ")");
            } else {
                e.keyNode().problem("'" + e.key() + "' is not supported in a container: validate cannot run it as the kubelet would "
                        + "with it (it models: " + String.join(", ", new TreeSet<>(CONTAINER)) + ")");
            }
        }
        Optional<String> container = Optional.ofNullable(keys.get("name")).flatMap(YamlNode::text);
        Optional<String> image = Optional.ofNullable(keys.get("image")).flatMap(YamlNode::text);
        if (image.isEmpty() && !keys.containsKey("image")) {
            node.problem("container " + container.orElse("(no name)") + " has no image");
            return Optional.empty();
        }
        Optional<List<String>> command = Optional.ofNullable(keys.get("command")).map(this::strings);
        Optional<List<String>> args = Optional.ofNullable(keys.get("args")).map(this::strings);
        Map<String, String> env = new LinkedHashMap<>();
        Optional.ofNullable(keys.get("env")).flatMap(YamlNode::sequence).orElse(List.of()).forEach(e -> {
            Map<String, YamlNode> kv = e.mapping(Set.of("name", "value", "valueFrom")).orElse(Map.of());
            Optional<String> key = Optional.ofNullable(kv.get("name")).flatMap(YamlNode::text);
            if (key.isPresent() && kv.containsKey("value")) {
                env.put(key.get(), kv.get("value").scalar().orElse(""));
            } else if (key.isPresent()) {
                notModelled.add("env " + key.get() + " valueFrom (line " + e.line() + ")");
            }
        });
        Optional<String> user = Optional.ofNullable(keys.get("securityContext")).flatMap(s -> child(s, "runAsUser")).flatMap(YamlNode::text);
        List<Deployment.ExecProbe> probes = new ArrayList<>();
        for (String kind : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            Optional.ofNullable(keys.get(kind)).ifPresent(p -> probe(kind, p, notModelled).ifPresent(probes::add));
        }
        Optional<Deployment.ExecProbe> preStop = Optional.empty();
        Optional<String> stopSignal = Optional.empty();
        YamlNode lifecycle = keys.get("lifecycle");
        if (lifecycle != null) {
            Map<String, YamlNode> hooks = lifecycle.mapping(Set.of("preStop", "postStart", "stopSignal")).orElse(Map.of());
            stopSignal = Optional.ofNullable(hooks.get("stopSignal")).flatMap(YamlNode::text);
            Optional.ofNullable(hooks.get("postStart")).ifPresent(h -> notModelled.add("postStart (line " + h.line() + ")"));
            YamlNode pre = hooks.get("preStop");
            if (pre != null) {
                Optional<YamlNode> exec = child(pre, "exec").flatMap(e -> child(e, "command"));
                if (exec.isPresent()) {
                    List<String> argv = strings(exec.get());
                    if (!argv.isEmpty()) {
                        preStop = Optional.of(new Deployment.ExecProbe("preStop", argv, Duration.ZERO, 1, name + ":" + exec.get().line()));
                    }
                } else {
                    notModelled.add("preStop that is not exec (line " + pre.line() + ")");
                }
            }
        }
        if (image.isEmpty()) {
            return Optional.empty();
        }
        // Kubernetes: command replaces ENTRYPOINT; args replace CMD; a command without args drops the image's CMD.
        Optional<List<String>> cmd = args.or(() -> command.map(c -> List.of()));
        Deployment deployment = new Deployment(command, cmd, user, stopSignal, env, Optional.ofNullable(keys.get("workingDir"))
                .flatMap(YamlNode::text), probes, preStop, false);
        String member = podName + "/" + container.orElse("container");
        List<String> notes = notModelled.isEmpty() ? List.of()
                : List.of("read, not modelled (no effect on PID 1): " + String.join(", ", notModelled));
        ManifestFix fix = new ManifestFix(name, member, lines, spec.line(), spec.column(), shared, graceLine, grace);
        return Optional.of(new FleetMember(member, image.get(), new Source(name, node.line()),
                shared ? ConfigReading.Front.POD_PAUSE : ConfigReading.Front.NONE, Optional.empty(), deployment, Optional.of(grace),
                Optional.empty(), Optional.of(fix), notes));
    }

    private Optional<Deployment.ExecProbe> probe(String kind, YamlNode node, List<String> notModelled) {
        Map<String, YamlNode> keys = node.mapping(PROBE).orElse(Map.of());
        Optional<YamlNode> command = Optional.ofNullable(keys.get("exec")).flatMap(e -> child(e, "command"));
        if (command.isEmpty()) {
            notModelled.add(kind + " that is not exec (line " + node.line() + ")");
            return Optional.empty();
        }
        Duration period = Optional.ofNullable(keys.get("periodSeconds")).flatMap(p -> p.integer(1, 86_400)).map(Duration::ofSeconds)
                .orElse(DEFAULT_PERIOD);
        List<String> argv = strings(command.get());
        if (argv.isEmpty()) {
            command.get().problem(kind + " exec command is empty");
            return Optional.empty();
        }
        return Optional.of(new Deployment.ExecProbe(kind, argv, period, probeRuns, name + ":" + command.get().line()));
    }

    /** A list of strings (Kubernetes' command, args): each item a scalar, never split. */
    private List<String> strings(YamlNode node) {
        return node.sequence().orElse(List.of()).stream().map(i -> i.scalar().orElseGet(() -> {
            i.problem("must be a single value");
            return "";
        })).toList();
    }
}
