package io.zombielab.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.zombielab.promise.ConfigReading;
import io.zombielab.promise.JobTerms;
import io.zombielab.promise.PromiseOutcome;
import io.zombielab.promise.PromiseVerdict;
import io.zombielab.promise.Promises;
import io.zombielab.promise.ReaperUnderTest;
import io.zombielab.scenario.ScenarioFileException.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A manifest read as the kubelet would run each container, and every way one can be wrong, at its file:line. */
@Tag("unit")
@DisplayName("validate --manifest reads pods as Kubernetes runs them")
class ManifestFileTest {

    @TempDir
    Path dir;

    private final List<Problem> problems = new ArrayList<>();

    private List<FleetMember> read(String yaml) throws Exception {
        Path file = dir.resolve("k8s.yaml");
        Files.writeString(file, yaml);
        return ManifestFile.read(file, 5, problems);
    }

    private List<String> problemLines() {
        return problems.stream().map(p -> p.toString().replace(dir + "/", "")).toList();
    }

    @Test
    @DisplayName(
            "the example: a shared pod with a probe and a preStop hook, a Deployment with command/args and a short grace")
    void theExample() {
        List<FleetMember> m = ManifestFile.read(Path.of("examples/deploy/k8s/pods.yaml"), 5, problems);
        assertThat(problems).isEmpty();
        assertThat(m).extracting(FleetMember::name).containsExactly("shared/app", "web/web");
        FleetMember shared = m.get(0);
        assertThat(shared.front()).isEqualTo(ConfigReading.Front.POD_PAUSE);
        assertThat(shared.gracePeriod()).contains(Duration.ofSeconds(5));
        assertThat(shared.deployment().probes()).singleElement().satisfies(p -> {
            assertThat(p.what()).isEqualTo("livenessProbe");
            assertThat(p.command()).containsExactly("/bin/sh", "-c", "sleep 1 & exit 0");
            assertThat(p.every()).isEqualTo(Duration.ofSeconds(10));
        });
        assertThat(shared.deployment().preStop())
                .hasValueSatisfying(p -> assertThat(p.command()).containsExactly("/bin/sh", "-c", "sleep 1"));
        FleetMember web = m.get(1);
        assertThat(web.front()).isEqualTo(ConfigReading.Front.NONE);
        assertThat(web.deployment().entrypoint()).contains(List.of("node"));
        assertThat(web.deployment().cmd()).contains(List.of("server.js"));
        assertThat(web.deployment().environment()).containsEntry("SHUTDOWN_MS", "5000");
        assertThat(web.gracePeriod()).contains(Duration.ofSeconds(3));
        assertThat(web.notes()).containsExactly("read, not modelled (no effect on PID 1): ports (line 48)");
    }

    @Test
    @DisplayName(
            "command without args drops the image's CMD; args alone keep its ENTRYPOINT; the default grace is 30 s")
    void commandAndArgs() throws Exception {
        List<FleetMember> m = read("""
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                    - {name: a, image: app:1, command: ["/entry.sh"]}
                    - {name: b, image: app:1, args: ["--port", "80"]}
                """);
        assertThat(problems).isEmpty();
        var image = new io.zombielab.image.ImageConfig(
                "app:1",
                List.of("/docker-entrypoint.sh"),
                List.of("serve"),
                Optional.empty(),
                "",
                "/bin",
                new io.zombielab.image.ImageConfig.Platform("linux", "amd64"));
        assertThat(m.get(0).deployment().applyTo(image).argv()).containsExactly("/entry.sh");
        assertThat(m.get(1).deployment().applyTo(image).argv())
                .containsExactly("/docker-entrypoint.sh", "--port", "80");
        assertThat(m.get(0).gracePeriod()).contains(Duration.ofSeconds(30));
    }

    @Test
    @DisplayName("an unknown kind, no image, an unsupported key, not YAML: each at its file:line, nothing read")
    void badInput() throws Exception {
        List<FleetMember> m = read("""
                kind: Sevice
                spec: {}
                ---
                kind: ConfigMap
                spec: {template: {spec: {containers: [{name: j, image: app:1}]}}}
                ---
                kind: Pod
                spec:
                  hostPID: true
                  containers:
                    - name: nameless
                """);
        assertThat(m).isEmpty();
        assertThat(problemLines())
                .containsExactly(
                        "k8s.yaml:1: kind: unknown kind 'Sevice' (known: Pod, CronJob, DaemonSet, Deployment, Job, ReplicaSet, StatefulSet)",
                        "k8s.yaml:4: kind: unknown kind 'ConfigMap' (known: Pod, CronJob, DaemonSet, Deployment, Job, ReplicaSet, StatefulSet)",
                        "k8s.yaml:9: spec.hostPID: 'hostPID' is not supported in a pod spec: validate cannot run the pod as the kubelet would with "
                                + "it (it models: containers, shareProcessNamespace, terminationGracePeriodSeconds)",
                        "k8s.yaml:11: spec.containers[0]: container nameless has no image");
        problems.clear();
        read("kind: Pod\nspec: {containers: [\n");
        assertThat(problemLines())
                .singleElement()
                .asString()
                .startsWith("k8s.yaml:")
                .contains("not valid YAML");
    }

    @Test
    @DisplayName(
            "the Job example: a Job's pod template, a CronJob's job template (its schedule a note), each run to its end")
    void theJobExample() {
        List<FleetMember> m = ManifestFile.read(Path.of("examples/deploy/k8s/jobs.yaml"), 5, problems);
        assertThat(problems).isEmpty();
        assertThat(m)
                .extracting(FleetMember::name)
                .containsExactly("batch/batch", "batch-shared/batch", "nightly-report/report");
        JobTerms batch = m.get(0).deployment().job().orElseThrow();
        assertThat(batch.kind()).isEqualTo("Job");
        assertThat(batch.deadline()).isEqualTo(Duration.ofSeconds(60));
        assertThat(batch.deadlineWhere()).contains("examples/deploy/k8s/jobs.yaml:13");
        assertThat(batch.restartPolicy()).isEqualTo(JobTerms.RestartPolicy.NEVER);
        assertThat(batch.backoffLimit()).isEqualTo(2);
        assertThat(batch.schedule()).isEmpty();
        assertThat(m.get(0).front()).isEqualTo(ConfigReading.Front.NONE);
        assertThat(m.get(0).subject().promises())
                .containsExactly(Promises.JOB_REAPS, Promises.JOB_SUCCEEDS, Promises.STOPS_GRACEFULLY);
        assertThat(m.get(0).gracePeriod())
                .as("Kubernetes' default grace period: a Job still running at its deadline is stopped with it")
                .contains(Duration.ofSeconds(30));
        assertThat(m.get(1).front()).isEqualTo(ConfigReading.Front.POD_PAUSE);
        FleetMember report = m.get(2);
        JobTerms cron = report.deployment().job().orElseThrow();
        assertThat(cron.kind()).isEqualTo("CronJob");
        assertThat(cron.schedule()).contains("0 3 * * *");
        assertThat(cron.restartPolicy()).isEqualTo(JobTerms.RestartPolicy.ON_FAILURE);
        assertThat(report.deployment().entrypoint()).contains(List.of("/bin/sh", "-c"));
        assertThat(report.notes())
                .containsExactly(
                        "CronJob schedule '0 3 * * *' (line 47) read, not followed: validate runs its job once, now",
                        "read, not modelled (no effect on PID 1): concurrencyPolicy (line 48)");
        assertThat(ManifestFile.read(Path.of("examples/deploy/k8s/pods.yaml"), 5, problems)
                        .get(0)
                        .deployment()
                        .job())
                .as("negative control: a Pod runs until it is stopped")
                .isEmpty();
    }

    @Test
    @DisplayName("a Job without activeDeadlineSeconds waits the default bound, and says so; its probes are not run")
    void jobDefaults() throws Exception {
        List<FleetMember> m = read("""
                kind: Job
                metadata: {name: once}
                spec:
                  template:
                    spec:
                      restartPolicy: OnFailure
                      containers:
                        - name: j
                          image: app:1
                          livenessProbe: {exec: {command: [sh, -c, "true"]}}
                """);
        assertThat(problems).isEmpty();
        JobTerms job = m.get(0).deployment().job().orElseThrow();
        assertThat(job.deadline()).isEqualTo(JobTerms.DEFAULT_DEADLINE);
        assertThat(job.deadlineWhere()).isEmpty();
        assertThat(job.backoffLimit()).isEqualTo(JobTerms.DEFAULT_BACKOFF_LIMIT);
        assertThat(job.describeDeadline())
                .isEqualTo("validate's default bound, 60 s (it has no activeDeadlineSeconds)");
        assertThat(m.get(0).deployment().probes()).isEmpty();
        assertThat(m.get(0).notes())
                .containsExactly(
                        "no activeDeadlineSeconds: validate waits 60 s for the Job to end by itself (its "
                                + "default bound), then stops it",
                        "read, not modelled (no effect on PID 1): livenessProbe of a Job (line 10)");
    }

    @Test
    @DisplayName(
            "a Job without template, a CronJob without jobTemplate, restartPolicy Always, unknown or missing: each at its file:line, nothing read")
    void badJobs() throws Exception {
        List<FleetMember> m = read("""
                kind: Job
                metadata: {name: a}
                spec:
                  backoffLimit: 2
                ---
                kind: CronJob
                metadata: {name: b}
                spec:
                  schedule: "*/5 * * * *"
                ---
                kind: Job
                metadata: {name: c}
                spec:
                  template:
                    spec:
                      restartPolicy: Always
                      containers: [{name: c, image: app:1}]
                ---
                kind: Job
                metadata: {name: d}
                spec:
                  template:
                    spec:
                      restartPolicy: Sometimes
                      containers: [{name: d, image: app:1}]
                ---
                kind: Job
                metadata: {name: e}
                spec:
                  parallel: 2
                  template:
                    spec:
                      containers: [{name: e, image: app:1}]
                """);
        assertThat(m).isEmpty();
        assertThat(problemLines())
                .containsExactly(
                        "k8s.yaml:4: spec: Job has no spec.template: a Job needs a pod template (spec.template.spec) to run",
                        "k8s.yaml:9: spec: CronJob has no spec.jobTemplate.spec: a CronJob needs a job template (spec.jobTemplate.spec.template.spec) to run",
                        "k8s.yaml:16: spec.template.spec.restartPolicy: restartPolicy Always is invalid for a Job: Kubernetes accepts only Never or "
                                + "OnFailure (a Job's container must be able to end)",
                        "k8s.yaml:24: spec.template.spec.restartPolicy: unknown restartPolicy 'Sometimes' (a Job's: Never, OnFailure)",
                        "k8s.yaml:30: spec.parallel: 'parallel' is not supported in a Job spec (it models: activeDeadlineSeconds, backoffLimit, "
                                + "template; reads: backoffLimitPerIndex, completionMode, completions, managedBy, manualSelector, maxFailedIndexes, "
                                + "parallelism, podFailurePolicy, podReplacementPolicy, selector, successPolicy, suspend, ttlSecondsAfterFinished)",
                        "k8s.yaml:33: spec.template.spec: Job's pod template has no restartPolicy: Kubernetes requires Never or OnFailure for a "
                                + "Job (its default, Always, is refused)");
    }

    @Test
    @DisplayName("a Job's fix: zombies left while it ran give the shareProcessNamespace diff; kept, nothing")
    void jobFix() {
        List<FleetMember> m = ManifestFile.read(Path.of("examples/deploy/k8s/jobs.yaml"), 5, problems);
        FleetMember batch = m.get(0);
        assertThat(batch.fix()
                        .orElseThrow()
                        .lines(List.of(verdict(batch, Promises.JOB_REAPS, PromiseOutcome.LEFT_ZOMBIES))))
                .contains(
                        "@@ -13,6 +13,7 @@",
                        "     spec:",
                        "+      shareProcessNamespace: true",
                        "       restartPolicy: Never");
        assertThat(batch.fix().orElseThrow().lines(List.of(verdict(batch, Promises.JOB_REAPS, PromiseOutcome.REAPED))))
                .as("negative control: kept, nothing to fix")
                .isEmpty();
    }

    @Test
    @DisplayName(
            "the fix: a diff adding shareProcessNamespace: true to the pod spec; a killed stop names the grace period's line")
    void fixes() {
        List<FleetMember> m = ManifestFile.read(Path.of("examples/deploy/k8s/pods.yaml"), 5, problems);
        FleetMember web = m.get(1);
        List<String> lines = web.fix()
                .orElseThrow()
                .lines(List.of(
                        verdict(web, Promises.PROBES_REAPED, PromiseOutcome.LEFT_ZOMBIES),
                        verdict(web, Promises.STOPS_GRACEFULLY, PromiseOutcome.KILLED)));
        assertThat(lines).contains("+      shareProcessNamespace: true", "       terminationGracePeriodSeconds: 3");
        assertThat(lines.get(lines.size() - 1))
                .startsWith("examples/deploy/k8s/pods.yaml:39: web/web was still running when the SIGKILL came "
                        + "after 3 s: terminationGracePeriodSeconds is shorter than its shutdown: raise it");
        assertThat(m.get(0)
                        .fix()
                        .orElseThrow()
                        .lines(List.of(verdict(m.get(0), Promises.SHIPPED_REAPS_ORPHANS, PromiseOutcome.REAPED))))
                .as("negative control: kept, nothing to fix")
                .isEmpty();
    }

    private static PromiseVerdict verdict(
            FleetMember m, io.zombielab.promise.Promise promise, PromiseOutcome observed) {
        ReaperUnderTest subject = m.subject();
        return new PromiseVerdict(
                subject,
                promise,
                observed,
                subject.expected(promise),
                Optional.empty(),
                "",
                new PromiseVerdict.Seen(Optional.empty(), "", "", Optional.empty()));
    }
}
