package io.zombielab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * `./zombielab doctor`: the launcher's own lines (what building and `test` need), then the CLI's doctor; it names what
 * is missing and installs, builds and starts nothing. (Its decisions one by one: CheckupTest.)
 */
@DisplayName("zombielab doctor")
@Tag("container")
class DoctorTest {

    private record Answer(int exit, String text) {}

    private static Answer doctor(Path root, String dockerHost, String probe) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(root.resolve("zombielab").toString(), "doctor")
                .directory(root.toFile())
                .redirectErrorStream(true);
        builder.environment().remove("ZOMBIELAB_PROBE");
        if (dockerHost != null) {
            builder.environment().put("DOCKER_HOST", dockerHost);
        }
        if (probe != null) {
            builder.environment().put("ZOMBIELAB_PROBE", probe);
        }
        Process p = builder.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Answer(p.waitFor(), text);
    }

    private static Answer doctor(String dockerHost, String probe) throws Exception {
        return doctor(Path.of("").toAbsolutePath(), dockerHost, probe);
    }

    @Test
    @DisplayName(
            "with no engine answering: the engine is missing and refused at once (not waited for), the base image unknown, exit 3")
    void noEngine() throws Exception {
        // Port 1 on loopback: nothing listens, so the engine is as absent as on a fresh machine.
        Answer a = doctor("tcp://127.0.0.1:1", null);
        assertThat(a.exit()).as(a.text()).isEqualTo(3);
        assertThat(a.text())
                .contains(
                        "zombielab doctor, the checkout's launcher",
                        "ok       maven",
                        "MISSING  engine           DOCKER_HOST=tcp://127.0.0.1:1 does not answer: start that engine",
                        "unknown  base image",
                        "cannot look without an engine",
                        "not ready")
                .doesNotContain("gave no answer within");
    }

    @Test
    @DisplayName("with the engine the launcher started: ready, base image present, the probe this user's run chooses")
    void ready() throws Exception {
        Answer a = doctor(null, null);
        assertThat(a.exit()).as(a.text()).isZero();
        assertThat(a.text())
                .contains(
                        "ok       engine           answering: ",
                        "ok       base image       " + System.getenv("ZOMBIELAB_BASE_IMAGE"),
                        "ok       build",
                        "ready:");
        assertThat(a.text())
                .as("the probe a run here chooses")
                .contains(
                        "root".equals(System.getProperty("user.name"))
                                ? "ok       probe            host: the host's /proc and cgroup files (local engine); root, local engine"
                                : "ok       probe            universal: a sidecar in the container's PID namespace");
    }

    @Test
    @DisplayName("says which probe ZOMBIELAB_PROBE forces, and refuses one that is not a probe (exit 3)")
    void forcedProbe() throws Exception {
        assertThat(doctor(null, "universal").text())
                .contains("ok       probe            universal: a sidecar", "; ZOMBIELAB_PROBE=universal");
        Answer exec = doctor(null, "exec");
        assertThat(exec.exit()).as(exec.text()).isEqualTo(3);
        assertThat(exec.text())
                .contains("MISSING  probe            ZOMBIELAB_PROBE=exec: the docker exec probe is gone");
    }

    @Test
    @DisplayName(
            "in a checkout not built yet: the launcher's lines, and no pass for what only the CLI can check; nothing built, exit 3")
    void notBuilt() throws Exception {
        try (CheckoutCopy clone = CheckoutCopy.unbuilt(
                Settings.fromEnvironment().places().layout().root())) {
            Answer a = doctor(clone.root(), null, null);
            assertThat(a.exit()).as(a.text()).isEqualTo(3);
            assertThat(a.text())
                    .contains(
                            "pending  build            not built yet",
                            "not ready: the engine, cgroup, probe and base " + "image are the CLI's to check")
                    .doesNotContain("ok       engine", "\nready:");
            assertThat(clone.root().resolve("target")).as("nothing was built").doesNotExist();
        }
    }
}
