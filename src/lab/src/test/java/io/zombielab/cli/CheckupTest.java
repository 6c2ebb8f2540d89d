package io.zombielab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zombielab.Settings;
import io.zombielab.probe.HostView;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** doctor's decisions, from what an engine (faked here, or none) says: each line, and exit 0 only when nothing is missing. */
@Tag("unit")
@DisplayName("doctor's decisions")
class CheckupTest {

    private static final String BASE = "zombielab/base:0123456789ab";

    private static Settings settings(Map<String, String> more) {
        Map<String, String> env =
                new HashMap<>(Map.of("TESTCONTAINERS_RYUK_DISABLED", "true", "ZOMBIELAB_BASE_IMAGE", BASE));
        env.putAll(more);
        Properties properties = new Properties();
        properties.setProperty("user.dir", Path.of("").toAbsolutePath().toString()); // the checkout's root (surefire's)
        return Settings.of(env, properties);
    }

    private static EngineLook.EngineFacts facts(boolean basePresent, int containers) {
        return new EngineLook.EngineFacts(
                "20.10.24", "1.41", Optional.of("1"), true, true, basePresent, 12, containers);
    }

    private static Function<Optional<String>, EngineLook> answering(EngineLook.EngineFacts facts) {
        return base -> {
            assertThat(base).as("the base image doctor looks for").contains(BASE);
            return new EngineLook.Answering(facts);
        };
    }

    private static Checkup checkup(
            Map<String, String> env, HostView here, Function<Optional<String>, EngineLook> engine) {
        return Checkup.of(settings(env), here, engine);
    }

    @Test
    @DisplayName("an engine, its base image, nothing left behind: every line ok, ready, exit 0")
    void ready() {
        Checkup c = checkup(Map.of(), HostView.SHOWN, answering(facts(true, 0)));
        assertThat(c.render())
                .as(c.render())
                .contains(
                        "ok       engine           answering: 20.10.24, API 1.41",
                        "ok       cgroup           v1: memory and pids limits per container",
                        "ok       probe            host: the host's /proc and cgroup files (local engine); root, local engine",
                        "ok       base image       " + BASE,
                        "ok       images           12 image(s) labelled io.zombielab=true",
                        "ok       containers       none left behind",
                        "ready:")
                .doesNotContain("MISSING");
        assertThat(c.exitCode()).isEqualTo(ExitCode.OK);
    }

    @Test
    @DisplayName("containers left behind: said, with gc, but they keep no run from starting (exit 0)")
    void leftovers() {
        Checkup c = checkup(Map.of(), HostView.NOT_READABLE, answering(facts(true, 3)));
        assertThat(c.render())
                .contains("LEFTOVER containers       3 labelled container(s) exist", "zombielab gc removes them");
        assertThat(c.exitCode()).as(c.render()).isEqualTo(ExitCode.OK);
    }

    @Test
    @DisplayName("no base image on the engine: MISSING with how to make it here (the checkout's launcher), exit 3")
    void noBaseImage() {
        Checkup c = checkup(Map.of(), HostView.SHOWN, answering(facts(false, 0)));
        assertThat(c.render())
                .contains(
                        "MISSING  base image       " + BASE + " is not on the engine: the launcher builds it",
                        "not ready");
        assertThat(c.exitCode()).isEqualTo(ExitCode.ENVIRONMENT);
    }

    @Test
    @DisplayName("an engine whose cgroup lacks the pids controller: MISSING, exit 3")
    void noPidsController() {
        Checkup c = checkup(
                Map.of(),
                HostView.SHOWN,
                answering(new EngineLook.EngineFacts("20.10.24", "1.41", Optional.of("1"), true, false, true, 0, 0)));
        assertThat(c.render()).contains("MISSING  cgroup           v1 without the pids controller");
        assertThat(c.exitCode()).isEqualTo(ExitCode.ENVIRONMENT);
    }

    @Test
    @DisplayName("no engine answering: MISSING engine naming DOCKER_HOST; the base image unknown, not passed; exit 3")
    void silentEngine() {
        Checkup c = checkup(
                Map.of("DOCKER_HOST", "tcp://10.0.0.9:2375"),
                HostView.REMOTE_ENGINE,
                base -> new EngineLook.Silent(true, Duration.ofSeconds(15)));
        assertThat(c.render())
                .contains(
                        "MISSING  engine           DOCKER_HOST=tcp://10.0.0.9:2375 gave no answer within 15 s",
                        "unknown  base image       " + BASE + " (cannot look without an engine)",
                        "unknown  cgroup")
                .doesNotContain("ok       base image", "ok       containers", "LEFTOVER");
        assertThat(c.exitCode()).isEqualTo(ExitCode.ENVIRONMENT);
    }

    @Test
    @DisplayName("the probe: as ZOMBIELAB_PROBE forces it; host where the host cannot see is refused; exec is no probe")
    void probe() {
        var engine = answering(facts(true, 0));
        assertThat(checkup(Map.of(), HostView.NOT_READABLE, engine).render())
                .contains(
                        "ok       probe            universal: a sidecar in the container's PID namespace",
                        "; not root");
        Checkup universal = checkup(Map.of("ZOMBIELAB_PROBE", "universal"), HostView.SHOWN, engine);
        assertThat(universal.render()).contains("ok       probe            universal: ", "; ZOMBIELAB_PROBE=universal");
        Checkup refused = checkup(Map.of("ZOMBIELAB_PROBE", "host"), HostView.REMOTE_ENGINE, engine);
        assertThat(refused.render())
                .contains("MISSING  probe            ZOMBIELAB_PROBE=host, but this host cannot show the "
                        + "containers' processes (a remote engine");
        assertThat(refused.exitCode()).isEqualTo(ExitCode.ENVIRONMENT);
        Checkup exec = checkup(Map.of("ZOMBIELAB_PROBE", "exec"), HostView.SHOWN, engine);
        assertThat(exec.render())
                .contains("MISSING  probe            ZOMBIELAB_PROBE=exec: the docker exec probe is gone");
        assertThat(exec.exitCode()).isEqualTo(ExitCode.ENVIRONMENT);
    }

    @Test
    @DisplayName(
            "Testcontainers not told to go without Ryuk: MISSING, and the engine is not even asked (it would wait minutes)")
    void ryukNotDisabled() {
        Checkup c = checkup(Map.of("TESTCONTAINERS_RYUK_DISABLED", "false"), HostView.SHOWN, base -> {
            throw new AssertionError("the engine was asked");
        });
        assertThat(c.render())
                .contains("MISSING  testcontainers   TESTCONTAINERS_RYUK_DISABLED is not 'true'", "unknown  engine");
        assertThat(c.exitCode()).isEqualTo(ExitCode.ENVIRONMENT);
    }

    /** The command as the CLI runs it, with {@code env} as its environment. */
    private static int command(Map<String, String> env, StringBuilder said, String... args) {
        CommandLine line = Main.commandLine(settings(env));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        line.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        line.setErr(new PrintWriter(out, true, StandardCharsets.UTF_8));
        line.setExecutionExceptionHandler((thrown, command, parsed) -> {
            said.append("[thrown] ").append(thrown.getMessage()).append('\n');
            return thrown instanceof io.zombielab.engine.DockerEngine.EngineUnavailableException
                    ? ExitCode.ENVIRONMENT
                    : ExitCode.FAILED;
        });
        int code = line.execute(args);
        said.insert(0, out.toString(StandardCharsets.UTF_8));
        return code;
    }

    @Test
    @DisplayName(
            "doctor against a closed port on localhost: exit 3, refused at once (not waited for), the engine line says so")
    void doctorWithNoEngine() {
        StringBuilder said = new StringBuilder();
        int code = command(Map.of("DOCKER_HOST", "tcp://127.0.0.1:1"), said, "doctor");
        assertThat(code).as(said.toString()).isEqualTo(ExitCode.ENVIRONMENT);
        assertThat(said.toString())
                .contains(
                        "MISSING  engine           DOCKER_HOST=tcp://127.0.0.1:1 does not answer: start",
                        "a remote engine",
                        "not ready")
                .doesNotContain("gave no answer within");
    }

    @Test
    @DisplayName("gc against a closed port: nothing removed, exit 3; an empty --run-id is a usage error (2)")
    void gcWithNoEngine() {
        StringBuilder said = new StringBuilder();
        assertThat(command(Map.of("DOCKER_HOST", "tcp://127.0.0.1:1"), said, "gc", "--run-id", "r1"))
                .as(said.toString())
                .isEqualTo(ExitCode.ENVIRONMENT);
        assertThat(said.toString())
                .contains("gc: nothing removed: no Docker engine answers at DOCKER_HOST=tcp://127.0.0.1:1");
        StringBuilder empty = new StringBuilder();
        command(Map.of("DOCKER_HOST", "tcp://127.0.0.1:1"), empty, "gc", "--run-id", " ");
        assertThat(empty.toString()).contains("--run-id needs a run id");
    }
}
