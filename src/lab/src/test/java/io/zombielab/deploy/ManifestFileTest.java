package io.zombielab.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.zombielab.promise.ConfigReading;
import io.zombielab.promise.Deployment;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;

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
    @DisplayName("the example: a shared pod with a probe and a preStop hook, a Deployment with command/args and a short grace")
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
        assertThat(shared.deployment().preStop()).hasValueSatisfying(p -> assertThat(p.command()).containsExactly("/bin/sh", "-c", "sleep 1"));
        FleetMember web = m.get(1);
        assertThat(web.front()).isEqualTo(ConfigReading.Front.NONE);
        assertThat(web.deployment().entrypoint()).contains(List.of("node"));
        assertThat(web.deployment().cmd()).contains(List.of("server.js"));
        assertThat(web.deployment().environment()).containsEntry("SHUTDOWN_MS", "5000");
        assertThat(web.gracePeriod()).contains(Duration.ofSeconds(3));
        assertThat(web.notes()).containsExactly("read, not modelled (no effect on PID 1): ports (line 48)");
    }

    @Test
    @DisplayName("command without args drops the image's CMD; args alone keep its ENTRYPOINT; the default grace is 30 s")
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
        var image = new io.zombielab.image.ImageConfig("app:1", List.of("/docker-entrypoint.sh"), List.of("serve"), Optional.empty(), "",
                "/bin", new io.zombielab.image.ImageConfig.Platform("linux", "amd64"));
        assertThat(m.get(0).deployment().applyTo(image).argv()).containsExactly("/entry.sh");
        assertThat(m.get(1).deployment().applyTo(image).argv()).containsExactly("/docker-entrypoint.sh", "--port", "80");
        assertThat(m.get(0).gracePeriod()).contains(Duration.ofSeconds(30));
    }

    @Test
    @DisplayName("an unknown kind, a Job, no image, an unsupported key, not YAML: each at its file:line, nothing read")
    void badInput() throws Exception {
        List<FleetMember> m = read("""
                kind: Sevice
                spec: {}
                ---
                kind: Job
                spec: {template: {spec: {containers: [{name: j, image: app:1}]}}}
                ---
                kind: Pod
                spec:
                  hostPID: true
                  containers:
                    - name: nameless
                """);
        assertThat(m).isEmpty();
        assertThat(problemLines()).containsExactly(
                "k8s.yaml:1: kind: unknown kind 'Sevice' (known: Pod, DaemonSet, Deployment, ReplicaSet, StatefulSet)",
                "k8s.yaml:4: kind: Job: a Job's containers end by themselves and are judged on their exit code; validate does not model "
                        + "that yet (validate its image with --image, or its Deployment)",
                "k8s.yaml:9: spec.hostPID: 'hostPID' is not supported in a pod spec: validate cannot run the pod as the kubelet would with "
                        + "it (it models: containers, shareProcessNamespace, terminationGracePeriodSeconds)",
                "k8s.yaml:11: spec.containers[0]: container nameless has no image");
        problems.clear();
        read("kind: Pod\nspec: {containers: [\n");
        assertThat(problemLines()).singleElement().asString().startsWith("k8s.yaml:").contains("not valid YAML");
    }

    @Test
    @DisplayName("the fix: a diff adding shareProcessNamespace: true to the pod spec; a killed stop names the grace period's line")
    void fixes() {
        List<FleetMember> m = ManifestFile.read(Path.of("examples/deploy/k8s/pods.yaml"), 5, problems);
        FleetMember web = m.get(1);
        List<String> lines = web.fix().orElseThrow().lines(List.of(verdict(web, Promises.PROBES_REAPED, PromiseOutcome.LEFT_ZOMBIES),
                verdict(web, Promises.STOPS_GRACEFULLY, PromiseOutcome.KILLED)));
        assertThat(lines).contains("+      shareProcessNamespace: true", "       terminationGracePeriodSeconds: 3");
        assertThat(lines.get(lines.size() - 1)).startsWith("examples/deploy/k8s/pods.yaml:39: web/web was still running when the SIGKILL came "
                + "after 3 s: terminationGracePeriodSeconds is shorter than its shutdown: raise it");
        assertThat(m.get(0).fix().orElseThrow().lines(List.of(verdict(m.get(0), Promises.SHIPPED_REAPS_ORPHANS, PromiseOutcome.REAPED))))
                .as("negative control: kept, nothing to fix").isEmpty();
    }

    private static PromiseVerdict verdict(FleetMember m, io.zombielab.promise.Promise promise, PromiseOutcome observed) {
        ReaperUnderTest subject = m.subject();
        return new PromiseVerdict(subject, promise, observed, subject.expected(promise), Optional.empty(), "",
                new PromiseVerdict.Seen(Optional.empty(), "", "", Optional.empty()));
    }
}
