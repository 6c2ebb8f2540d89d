package io.zombielab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** `./zombielab doctor` answers fast and names what is missing, without installing anything. */
@DisplayName("zombielab doctor")
@Tag("container")
class DoctorTest {

    private record Answer(int exit, String text, Duration took) {
    }

    private static Answer doctor(String dockerHost) throws Exception {
        return doctor(dockerHost, null);
    }

    private static Answer doctor(String dockerHost, String probe) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("./zombielab", "doctor").redirectErrorStream(true);
        builder.environment().remove("ZOMBIELAB_PROBE");
        if (dockerHost != null) {
            builder.environment().put("DOCKER_HOST", dockerHost);
        }
        if (probe != null) {
            builder.environment().put("ZOMBIELAB_PROBE", probe);
        }
        long start = System.nanoTime();
        Process p = builder.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Answer(p.waitFor(), text, Duration.ofNanos(System.nanoTime() - start));
    }

    @Test
    @DisplayName("with no engine answering: says the engine is missing and how to get one, in under 5 s, exit 3")
    void noEngine() throws Exception {
        // Port 1 on loopback: nothing listens, so the engine is as absent as on a fresh machine.
        Answer a = doctor("tcp://127.0.0.1:1");
        assertThat(a.took()).as(a.text()).isLessThan(Duration.ofSeconds(5));
        assertThat(a.exit()).as(a.text()).isEqualTo(3);
        assertThat(a.text()).contains("MISSING  engine", "DOCKER_HOST=tcp://127.0.0.1:1 does not answer",
                "base image", "cannot look without an engine", "not ready");
    }

    @Test
    @DisplayName("with the engine the launcher started: ready, base image present")
    void ready() throws Exception {
        Answer a = doctor(null);
        assertThat(a.exit()).as(a.text()).isZero();
        assertThat(a.text()).contains("ok       engine", "ok       base image       " + System.getenv("ZOMBIELAB_BASE_IMAGE"), "ready:");
        assertThat(a.text()).as("the probe a run here chooses").contains("root".equals(System.getProperty("user.name"))
                ? "ok       probe            host: reads the containers' /proc and cgroup files on this host (root, local engine)"
                : "ok       probe            universal: a sidecar in each container's PID namespace");
    }

    @Test
    @DisplayName("says which probe ZOMBIELAB_PROBE forces, and refuses one that is not a probe")
    void forcedProbe() throws Exception {
        assertThat(doctor(null, "universal").text()).contains("ok       probe            universal: a sidecar", "(ZOMBIELAB_PROBE=universal)");
        Answer exec = doctor(null, "exec");
        assertThat(exec.exit()).as(exec.text()).isEqualTo(3);
        assertThat(exec.text()).contains("MISSING  probe            ZOMBIELAB_PROBE=exec: not a probe (auto, host or universal)");
    }
}
