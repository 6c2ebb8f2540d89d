package io.zombielab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** `./zombielab doctor` answers fast and names what is missing, without installing anything. */
@DisplayName("zombielab doctor")
class DoctorTest {

    private record Answer(int exit, String text, Duration took) {
    }

    private static Answer doctor(String dockerHost) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("./zombielab", "doctor").redirectErrorStream(true);
        if (dockerHost != null) {
            builder.environment().put("DOCKER_HOST", dockerHost);
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
    }
}
