package io.zombielab.deploy;

import io.zombielab.promise.ConfigReading;
import io.zombielab.promise.Deployment;
import io.zombielab.promise.JobTerms;
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
 * A Job's pod template (and a CronJob's job template's, run once, now: its schedule is read and reported) ends by
 * itself: its restartPolicy must be Never or OnFailure, its activeDeadlineSeconds (else {@link JobTerms#DEFAULT_DEADLINE})
 * bounds the wait for its end, and it is judged on reaping while it runs and on its exit code.
 */
public final class ManifestFile {

    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet");
    private static final Set<String> POD =
            Set.of("containers", "shareProcessNamespace", "terminationGracePeriodSeconds");
    private static final Set<String> POD_NOT_MODELLED = Set.of(
            "initContainers",
            "volumes",
            "restartPolicy",
            "nodeSelector",
            "affinity",
            "tolerations",
            "serviceAccountName",
            "serviceAccount",
            "securityContext",
            "imagePullSecrets",
            "hostname",
            "subdomain",
            "dnsPolicy",
            "dnsConfig",
            "priorityClassName",
            "schedulerName",
            "topologySpreadConstraints",
            "automountServiceAccountToken",
            "enableServiceLinks",
            "nodeName",
            "runtimeClassName",
            "readinessGates",
            "overhead",
            "preemptionPolicy",
            "activeDeadlineSeconds",
            "hostAliases");
    private static final Set<String> CONTAINER = Set.of(
            "name",
            "image",
            "command",
            "args",
            "env",
            "workingDir",
            "livenessProbe",
            "readinessProbe",
            "startupProbe",
            "lifecycle",
            "securityContext");
    private static final Set<String> CONTAINER_NOT_MODELLED = Set.of(
            "ports",
            "resources",
            "volumeMounts",
            "imagePullPolicy",
            "envFrom",
            "terminationMessagePath",
            "terminationMessagePolicy",
            "stdin",
            "stdinOnce",
            "tty",
            "volumeDevices",
            "resizePolicy",
            "restartPolicy");
    private static final Set<String> JOB = Set.of("template", "backoffLimit", "activeDeadlineSeconds");
    private static final Set<String> JOB_NOT_MODELLED = Set.of(
            "completions",
            "parallelism",
            "ttlSecondsAfterFinished",
            "completionMode",
            "suspend",
            "selector",
            "manualSelector",
            "podFailurePolicy",
            "backoffLimitPerIndex",
            "maxFailedIndexes",
            "podReplacementPolicy",
            "successPolicy",
            "managedBy");
    private static final Set<String> CRON = Set.of("schedule", "jobTemplate");
    private static final Set<String> CRON_NOT_MODELLED = Set.of(
            "timeZone",
            "concurrencyPolicy",
            "startingDeadlineSeconds",
            "suspend",
            "successfulJobsHistoryLimit",
            "failedJobsHistoryLimit");
    private static final String KINDS = "Pod, "
            + String.join(
                    ", ",
                    new TreeSet<>(Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob")));
    private static final Set<String> PROBE = Set.of(
            "exec",
            "httpGet",
            "tcpSocket",
            "grpc",
            "periodSeconds",
            "initialDelaySeconds",
            "timeoutSeconds",
            "successThreshold",
            "failureThreshold",
            "terminationGracePeriodSeconds");
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
            problems.add(new Problem(file.toString(), 0, "", "describes no pod (kinds: " + KINDS + ")"));
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
        String podName = Optional.ofNullable(top.get("metadata"))
                .flatMap(m -> m.entries().orElse(List.of()).stream()
                        .filter(e -> e.key().equals("name"))
                        .findFirst())
                .flatMap(e -> e.value().text())
                .orElse(kind.get().toLowerCase());
        YamlNode spec = top.get("spec");
        if (spec == null) {
            document.problem(kind.get() + " has no spec");
            return List.of();
        }
        Optional<YamlNode> podSpec =
                switch (kind.get()) {
                    case "Pod" -> Optional.of(spec);
                    case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet" ->
                        child(spec, "template").flatMap(t -> child(t, "spec"));
                    case "Job", "CronJob" -> Optional.empty();
                    default -> {
                        top.get("kind").problem("unknown kind '" + kind.get() + "' (known: " + KINDS + ")");
                        yield Optional.empty();
                    }
                };
        if (kind.get().equals("Job") || kind.get().equals("CronJob")) {
            return kind.get().equals("Job")
                    ? job("Job", podName, spec, Optional.empty(), document.line())
                    : cronJob(podName, spec, document.line());
        }
        if (podSpec.isEmpty()) {
            if (WORKLOADS.contains(kind.get())) {
                spec.problem(kind.get() + " has no spec.template.spec");
            }
            return List.of();
        }
        return pod(podName, podSpec.get(), Optional.empty());
    }

    /** What a Job's spec says, before its pod's restartPolicy is read. */
    private record JobSpec(
            String kind,
            Duration deadline,
            Optional<String> deadlineWhere,
            int backoffLimit,
            Optional<String> schedule,
            String where,
            List<String> notes) {
        JobTerms terms(JobTerms.RestartPolicy policy) {
            return new JobTerms(kind, deadline, deadlineWhere, policy, backoffLimit, schedule, where);
        }
    }

    /** A CronJob: its schedule read and reported, its job template's Job run once, now. */
    private List<FleetMember> cronJob(String podName, YamlNode spec, int line) {
        Map<String, YamlNode> keys = new LinkedHashMap<>();
        List<String> notModelled = new ArrayList<>();
        for (YamlNode.Entry e : spec.entries().orElse(List.of())) {
            if (CRON.contains(e.key())) {
                keys.put(e.key(), e.value());
            } else if (CRON_NOT_MODELLED.contains(e.key())) {
                notModelled.add(e.key() + " (line " + e.keyNode().line() + ")");
            } else {
                e.keyNode()
                        .problem("'" + e.key() + "' is not supported in a CronJob spec (it models: "
                                + String.join(", ", new TreeSet<>(CRON)) + "; reads: "
                                + String.join(", ", new TreeSet<>(CRON_NOT_MODELLED)) + ")");
            }
        }
        Optional<String> schedule = Optional.ofNullable(keys.get("schedule")).flatMap(YamlNode::text);
        if (!keys.containsKey("schedule")) {
            spec.problem("CronJob has no spec.schedule (Kubernetes requires one)");
        }
        Optional<YamlNode> jobSpec =
                Optional.ofNullable(keys.get("jobTemplate")).flatMap(t -> child(t, "spec"));
        if (jobSpec.isEmpty()) {
            spec.problem(
                    "CronJob has no spec.jobTemplate.spec: a CronJob needs a job template (spec.jobTemplate.spec.template.spec) to run");
            return List.of();
        }
        List<String> notes = new ArrayList<>();
        schedule.ifPresent(s -> notes.add("CronJob schedule '" + s + "' (line "
                + keys.get("schedule").line() + ") read, not followed: " + "validate runs its job once, now"));
        if (!notModelled.isEmpty()) {
            notes.add("read, not modelled (no effect on PID 1): " + String.join(", ", notModelled));
        }
        return job("CronJob", podName, jobSpec.get(), schedule, line, notes);
    }

    private List<FleetMember> job(String kind, String podName, YamlNode spec, Optional<String> schedule, int line) {
        return job(kind, podName, spec, schedule, line, List.of());
    }

    /** A Job's spec (or a CronJob's job template's): its pod template, its deadline and backoffLimit. */
    private List<FleetMember> job(
            String kind, String podName, YamlNode spec, Optional<String> schedule, int line, List<String> cronNotes) {
        String path = kind.equals("Job") ? "spec" : "spec.jobTemplate.spec";
        Map<String, YamlNode> keys = new LinkedHashMap<>();
        List<String> notModelled = new ArrayList<>();
        for (YamlNode.Entry e : spec.entries().orElse(List.of())) {
            if (JOB.contains(e.key())) {
                keys.put(e.key(), e.value());
            } else if (JOB_NOT_MODELLED.contains(e.key())) {
                notModelled.add(e.key() + " (line " + e.keyNode().line() + ")");
            } else {
                e.keyNode()
                        .problem("'" + e.key() + "' is not supported in a Job spec (it models: "
                                + String.join(", ", new TreeSet<>(JOB)) + "; reads: "
                                + String.join(", ", new TreeSet<>(JOB_NOT_MODELLED)) + ")");
            }
        }
        Optional<YamlNode> deadlineNode = Optional.ofNullable(keys.get("activeDeadlineSeconds"));
        Duration deadline = deadlineNode
                .flatMap(n -> n.integer(1, 86_400))
                .map(Duration::ofSeconds)
                .orElse(JobTerms.DEFAULT_DEADLINE);
        int backoff = Optional.ofNullable(keys.get("backoffLimit"))
                .flatMap(n -> n.integer(0, 1_000_000))
                .orElse(JobTerms.DEFAULT_BACKOFF_LIMIT);
        Optional<YamlNode> template = Optional.ofNullable(keys.get("template"));
        Optional<YamlNode> podSpec = template.flatMap(t -> child(t, "spec"));
        if (template.isEmpty()) {
            spec.problem(kind + " has no " + path + ".template: a Job needs a pod template (" + path
                    + ".template.spec) to run");
            return List.of();
        }
        if (podSpec.isEmpty()) {
            template.get().problem(kind + " has no " + path + ".template.spec");
            return List.of();
        }
        List<String> notes = new ArrayList<>(cronNotes);
        if (deadlineNode.isEmpty()) {
            notes.add("no activeDeadlineSeconds: validate waits " + JobTerms.DEFAULT_DEADLINE.toSeconds()
                    + " s for the " + kind + " to end by itself (its default bound), then stops it");
        }
        if (!notModelled.isEmpty()) {
            notes.add("read, not modelled (no effect on PID 1): " + String.join(", ", notModelled));
        }
        return pod(
                podName,
                podSpec.get(),
                Optional.of(new JobSpec(
                        kind,
                        deadline,
                        deadlineNode.map(n -> name + ":" + n.line()),
                        backoff,
                        schedule,
                        name + ":" + line,
                        notes)));
    }

    private static Optional<YamlNode> child(YamlNode node, String key) {
        return node.entries().orElse(List.of()).stream()
                .filter(e -> e.key().equals(key))
                .map(YamlNode.Entry::value)
                .findFirst();
    }

    private List<FleetMember> pod(String podName, YamlNode spec, Optional<JobSpec> job) {
        Map<String, YamlNode> keys = new LinkedHashMap<>();
        List<String> notModelled = new ArrayList<>();
        for (YamlNode.Entry e : spec.entries().orElse(List.of())) {
            if (POD.contains(e.key()) || (job.isPresent() && e.key().equals("restartPolicy"))) {
                keys.put(e.key(), e.value());
            } else if (POD_NOT_MODELLED.contains(e.key())) {
                notModelled.add(e.key() + " (line " + e.keyNode().line() + ")");
            } else {
                e.keyNode()
                        .problem("'" + e.key()
                                + "' is not supported in a pod spec: validate cannot run the pod as the kubelet "
                                + "would with it (it models: " + String.join(", ", new TreeSet<>(POD)) + ")");
            }
        }
        boolean shared = Optional.ofNullable(keys.get("shareProcessNamespace"))
                .flatMap(YamlNode::text)
                .map("true"::equalsIgnoreCase)
                .orElse(false);
        Optional<Integer> graceLine =
                Optional.ofNullable(keys.get("terminationGracePeriodSeconds")).map(YamlNode::line);
        Duration grace = Optional.ofNullable(keys.get("terminationGracePeriodSeconds"))
                .flatMap(n -> n.integer(1, 86_400))
                .map(Duration::ofSeconds)
                .orElse(DEFAULT_GRACE);
        Optional<JobTerms> terms = job.flatMap(
                j -> restartPolicy(j, keys.get("restartPolicy"), spec).map(j::terms));
        YamlNode containers = keys.get("containers");
        if (containers == null) {
            spec.problem("a pod spec needs containers");
            return List.of();
        }
        if (job.isPresent() && terms.isEmpty()) {
            return List.of();
        }
        List<FleetMember> members = new ArrayList<>();
        for (YamlNode c : containers.sequence().orElse(List.of())) {
            container(
                            podName,
                            c,
                            shared,
                            grace,
                            graceLine,
                            spec,
                            notModelled,
                            terms,
                            job.map(JobSpec::notes).orElse(List.of()))
                    .ifPresent(members::add);
        }
        return members;
    }

    /** A Job's pod's restartPolicy: Never or OnFailure; Kubernetes refuses Always, the default of a pod spec without one. */
    private static Optional<JobTerms.RestartPolicy> restartPolicy(JobSpec job, YamlNode node, YamlNode spec) {
        if (node == null) {
            spec.problem(job.kind()
                    + "'s pod template has no restartPolicy: Kubernetes requires Never or OnFailure for a Job "
                    + "(its default, Always, is refused)");
            return Optional.empty();
        }
        Optional<String> word = node.text();
        if (word.isEmpty()) {
            return Optional.empty();
        }
        Optional<JobTerms.RestartPolicy> policy = JobTerms.RestartPolicy.of(word.get());
        if (policy.isEmpty()) {
            node.problem(
                    word.get().equals("Always")
                            ? "restartPolicy Always is invalid for a " + job.kind()
                                    + ": Kubernetes accepts only Never or OnFailure (a Job's container must be able to end)"
                            : "unknown restartPolicy '" + word.get() + "' (a " + job.kind() + "'s: Never, OnFailure)");
        }
        return policy;
    }

    private Optional<FleetMember> container(
            String podName,
            YamlNode node,
            boolean shared,
            Duration grace,
            Optional<Integer> graceLine,
            YamlNode spec,
            List<String> podNotes,
            Optional<JobTerms> job,
            List<String> jobNotes) {
        Map<String, YamlNode> keys = new LinkedHashMap<>();
        List<String> notModelled = new ArrayList<>(podNotes);
        for (YamlNode.Entry e : node.entries().orElse(List.of())) {
            if (CONTAINER.contains(e.key())) {
                keys.put(e.key(), e.value());
            } else if (CONTAINER_NOT_MODELLED.contains(e.key())) {
                notModelled.add(e.key() + " (line " + e.keyNode().line() + ")");
            } else {
                e.keyNode()
                        .problem("'" + e.key()
                                + "' is not supported in a container: validate cannot run it as the kubelet would "
                                + "with it (it models: " + String.join(", ", new TreeSet<>(CONTAINER)) + ")");
            }
        }
        Optional<String> container = Optional.ofNullable(keys.get("name")).flatMap(YamlNode::text);
        Optional<String> image = Optional.ofNullable(keys.get("image")).flatMap(YamlNode::text);
        if (image.isEmpty() && !keys.containsKey("image")) {
            node.problem("container " + container.orElse("(no name)") + " has no image");
            return Optional.empty();
        }
        Optional<List<String>> command =
                Optional.ofNullable(keys.get("command")).map(this::strings);
        Optional<List<String>> args = Optional.ofNullable(keys.get("args")).map(this::strings);
        Map<String, String> env = new LinkedHashMap<>();
        Optional.ofNullable(keys.get("env"))
                .flatMap(YamlNode::sequence)
                .orElse(List.of())
                .forEach(e -> {
                    Map<String, YamlNode> kv =
                            e.mapping(Set.of("name", "value", "valueFrom")).orElse(Map.of());
                    Optional<String> key = Optional.ofNullable(kv.get("name")).flatMap(YamlNode::text);
                    if (key.isPresent() && kv.containsKey("value")) {
                        env.put(key.get(), kv.get("value").scalar().orElse(""));
                    } else if (key.isPresent()) {
                        notModelled.add("env " + key.get() + " valueFrom (line " + e.line() + ")");
                    }
                });
        Optional<String> user = Optional.ofNullable(keys.get("securityContext"))
                .flatMap(s -> child(s, "runAsUser"))
                .flatMap(YamlNode::text);
        List<Deployment.ExecProbe> probes = new ArrayList<>();
        for (String kind : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            if (job.isPresent()) {
                // A Job's container ends by itself: a probe's run into a container that has ended says nothing of its
                // PID 1.
                Optional.ofNullable(keys.get(kind))
                        .ifPresent(p -> notModelled.add(kind + " of a Job (line " + p.line() + ")"));
            } else {
                Optional.ofNullable(keys.get(kind))
                        .ifPresent(p -> probe(kind, p, notModelled).ifPresent(probes::add));
            }
        }
        Optional<Deployment.ExecProbe> preStop = Optional.empty();
        Optional<String> stopSignal = Optional.empty();
        YamlNode lifecycle = keys.get("lifecycle");
        if (lifecycle != null) {
            Map<String, YamlNode> hooks = lifecycle
                    .mapping(Set.of("preStop", "postStart", "stopSignal"))
                    .orElse(Map.of());
            stopSignal = Optional.ofNullable(hooks.get("stopSignal")).flatMap(YamlNode::text);
            Optional.ofNullable(hooks.get("postStart"))
                    .ifPresent(h -> notModelled.add("postStart (line " + h.line() + ")"));
            YamlNode pre = hooks.get("preStop");
            if (pre != null) {
                Optional<YamlNode> exec = child(pre, "exec").flatMap(e -> child(e, "command"));
                if (exec.isPresent()) {
                    List<String> argv = strings(exec.get());
                    if (!argv.isEmpty()) {
                        preStop = Optional.of(new Deployment.ExecProbe(
                                "preStop",
                                argv,
                                Duration.ZERO,
                                1,
                                name + ":" + exec.get().line()));
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
        Deployment deployment = new Deployment(
                command,
                cmd,
                user,
                stopSignal,
                env,
                Optional.ofNullable(keys.get("workingDir")).flatMap(YamlNode::text),
                probes,
                preStop,
                job);
        String member = podName + "/" + container.orElse("container");
        List<String> notes = new ArrayList<>(jobNotes);
        if (!notModelled.isEmpty()) {
            notes.add("read, not modelled (no effect on PID 1): " + String.join(", ", notModelled));
        }
        ManifestFix fix = new ManifestFix(name, member, lines, spec.line(), spec.column(), shared, graceLine, grace);
        return Optional.of(new FleetMember(
                member,
                image.get(),
                new Source(name, node.line()),
                shared ? ConfigReading.Front.POD_PAUSE : ConfigReading.Front.NONE,
                Optional.empty(),
                deployment,
                Optional.of(grace),
                Optional.empty(),
                Optional.of(fix),
                notes));
    }

    private Optional<Deployment.ExecProbe> probe(String kind, YamlNode node, List<String> notModelled) {
        Map<String, YamlNode> keys = node.mapping(PROBE).orElse(Map.of());
        Optional<YamlNode> command = Optional.ofNullable(keys.get("exec")).flatMap(e -> child(e, "command"));
        if (command.isEmpty()) {
            notModelled.add(kind + " that is not exec (line " + node.line() + ")");
            return Optional.empty();
        }
        Duration period = Optional.ofNullable(keys.get("periodSeconds"))
                .flatMap(p -> p.integer(1, 86_400))
                .map(Duration::ofSeconds)
                .orElse(DEFAULT_PERIOD);
        List<String> argv = strings(command.get());
        if (argv.isEmpty()) {
            command.get().problem(kind + " exec command is empty");
            return Optional.empty();
        }
        return Optional.of(new Deployment.ExecProbe(
                kind, argv, period, probeRuns, name + ":" + command.get().line()));
    }

    /** A list of strings (Kubernetes' command, args): each item a scalar, never split. */
    private List<String> strings(YamlNode node) {
        return node.sequence().orElse(List.of()).stream()
                .map(i -> i.scalar().orElseGet(() -> {
                    i.problem("must be a single value");
                    return "";
                }))
                .toList();
    }
}
