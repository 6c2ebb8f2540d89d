package io.zombielab.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.zombielab.promise.ConfigReading;
import io.zombielab.promise.Deployment;
import io.zombielab.promise.PromiseOutcome;
import io.zombielab.promise.PromiseVerdict;
import io.zombielab.promise.Promises;
import io.zombielab.promise.ReaperUnderTest;
import io.zombielab.scenario.ScenarioFileException.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Compose file read as Compose would run each service, and every way one can be wrong, at its file:line. */
@Tag("unit")
@DisplayName("validate --compose reads services as Compose runs them")
class ComposeFileTest {

    @TempDir
    Path dir;

    private final List<Problem> problems = new ArrayList<>();

    private List<FleetMember> read(String yaml, Map<String, String> env, List<String> profiles) throws IOException {
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, yaml);
        return ComposeFile.read(file, env, profiles, 5, problems);
    }

    private List<FleetMember> read(String yaml) throws IOException {
        return read(yaml, Map.of(), List.of());
    }

    private FleetMember only(List<FleetMember> members) {
        assertThat(problems).as("problems").isEmpty();
        assertThat(members).hasSize(1);
        return members.get(0);
    }

    private List<String> problemLines() {
        return problems.stream()
                .map(p -> p.toString().replace(dir.toString() + "/", ""))
                .toList();
    }

    @Test
    @DisplayName("entrypoint replaces ENTRYPOINT and clears CMD; command replaces CMD; both: both")
    void entrypointAndCommand() throws IOException {
        List<FleetMember> services = read("""
                services:
                  ep:
                    image: app:1
                    entrypoint: /docker-entrypoint.sh --verbose
                  cmd:
                    image: app:1
                    command: ["node", "server.js"]
                  both:
                    image: app:1
                    entrypoint: ["tini", "--"]
                    command: node 'my server.js'
                """);
        assertThat(problems).isEmpty();
        Deployment ep = services.get(0).deployment();
        assertThat(ep.entrypoint()).contains(List.of("/docker-entrypoint.sh", "--verbose"));
        assertThat(ep.cmd()).as("an entrypoint clears the image's CMD").contains(List.of());
        assertThat(services.get(1).deployment().entrypoint()).isEmpty();
        assertThat(services.get(1).deployment().cmd()).contains(List.of("node", "server.js"));
        assertThat(services.get(2).deployment().cmd()).contains(List.of("node", "my server.js"));
        var image = new io.zombielab.image.ImageConfig(
                "app:1",
                List.of("/entry"),
                List.of("serve"),
                Optional.empty(),
                "",
                "/bin",
                new io.zombielab.image.ImageConfig.Platform("linux", "amd64"));
        assertThat(ep.applyTo(image).argv()).containsExactly("/docker-entrypoint.sh", "--verbose");
        assertThat(services.get(1).deployment().applyTo(image).argv()).containsExactly("/entry", "node", "server.js");
    }

    @Test
    @DisplayName("init, stop_signal, stop_grace_period (10s by default), user, working_dir, environment, healthcheck")
    void theKeysThatChangePidOne() throws IOException {
        FleetMember m = only(read("""
                services:
                  web:
                    image: app:1
                    init: true
                    stop_signal: SIGINT
                    stop_grace_period: 1m30s
                    user: "1000:1000"
                    working_dir: /srv
                    environment:
                      - MODE=prod
                    healthcheck:
                      test: curl -f http://localhost/ || exit 1
                      interval: 500ms
                """));
        assertThat(m.front()).isEqualTo(ConfigReading.Front.ENGINE_INIT);
        assertThat(m.gracePeriod()).contains(Duration.ofSeconds(90));
        Deployment d = m.deployment();
        assertThat(d.stopSignal()).contains("SIGINT");
        assertThat(d.user()).contains("1000:1000");
        assertThat(d.workingDir()).contains("/srv");
        assertThat(d.environment()).containsEntry("MODE", "prod");
        assertThat(d.probes()).singleElement().satisfies(p -> {
            assertThat(p.command()).containsExactly("/bin/sh", "-c", "curl -f http://localhost/ || exit 1");
            assertThat(p.every()).isEqualTo(Duration.ofMillis(500));
            assertThat(p.runs()).isEqualTo(5);
            assertThat(p.where()).endsWith("compose.yaml:12");
        });
        assertThat(only(read("services: {web: {image: app:1}}\n")).gracePeriod())
                .as("Compose's default")
                .contains(Duration.ofSeconds(10));
    }

    @Test
    @DisplayName("--stop-timeout caps a grace period; a member with none takes it, else 5 s")
    void gracePeriodCapped() throws IOException {
        FleetMember m = only(read("services: {web: {image: app:1, stop_grace_period: 30s}}\n"));
        assertThat(m.grading(Duration.ofSeconds(1), Optional.empty()).stopTimeoutSeconds())
                .isEqualTo(30);
        assertThat(m.grading(Duration.ofSeconds(1), Optional.of(7)).stopTimeoutSeconds())
                .isEqualTo(7);
        FleetMember plain =
                FleetMember.image("x", "x", Source.COMMAND_LINE, ConfigReading.Front.NONE, Optional.empty());
        assertThat(plain.grading(Duration.ofSeconds(1), Optional.empty()).stopTimeoutSeconds())
                .isEqualTo(5);
    }

    @Test
    @DisplayName("${VAR} from the environment over .env, defaults, $$; a required one unset is an error at its line")
    void interpolation() throws IOException {
        Files.writeString(dir.resolve(".env"), "TAG=from-dotenv\nNAME=web\n# a comment\n");
        List<FleetMember> services = read("""
                services:
                  a:
                    image: "shop/${NAME}:${TAG}"
                    command: echo $$HOME ${UNSET:-fallback}
                  b:
                    image: shop/b:${REQUIRED:?set REQUIRED}
                """, Map.of("TAG", "from-env"), List.of());
        assertThat(services).extracting(FleetMember::image).containsExactly("shop/web:from-env");
        assertThat(services.get(0).deployment().cmd()).contains(List.of("echo", "$HOME", "fallback"));
        assertThat(problemLines())
                .containsExactly("compose.yaml:6: services.b.image: variable REQUIRED is required: set REQUIRED "
                        + "(set it in the environment or in .env)");
    }

    @Test
    @DisplayName(
            "a bare environment key takes the caller's value (the environment it was given, not the JVM's); unset, it is left out")
    void bareEnvironmentKeys() throws IOException {
        List<FleetMember> services = read("""
                services:
                  listed:
                    image: app:1
                    environment: [TOKEN, ABSENT, MODE=prod]
                  mapped:
                    image: app:1
                    environment:
                      TOKEN:
                      ABSENT:
                """, Map.of("TOKEN", "from-caller"), List.of());
        assertThat(problems).as("problems").isEmpty();
        assertThat(services.get(0).deployment().environment())
                .isEqualTo(Map.of("TOKEN", "from-caller", "MODE", "prod"));
        assertThat(services.get(1).deployment().environment()).isEqualTo(Map.of("TOKEN", "from-caller"));
        assertThat(only(read("services: {web: {image: app:1, environment: [PATH]}}\n"))
                        .deployment()
                        .environment())
                .as("PATH is in the JVM's environment, not in the one given")
                .isEmpty();
    }

    @Test
    @DisplayName("profiles: a service in a profile runs only when one of its profiles is enabled")
    void profiles() throws IOException {
        String yaml = "services:\n  web: {image: app:1}\n  debug: {image: app:1, profiles: [debug]}\n";
        assertThat(read(yaml)).extracting(FleetMember::name).containsExactly("web");
        assertThat(read(yaml, Map.of(), List.of("debug")))
                .extracting(FleetMember::name)
                .containsExactly("web", "debug");
    }

    @Test
    @DisplayName(
            "build: the context beside the file, built as zombielab's own tag; two services with one build share it")
    void build() throws IOException {
        List<FleetMember> services = read("""
                services:
                  a:
                    build: ./app
                  b:
                    build: {context: ./app, args: {BASE: base:1}}
                """);
        assertThat(problems).isEmpty();
        BuildSpec a = services.get(0).build().orElseThrow();
        assertThat(a.context()).isEqualTo(dir.resolve("app"));
        assertThat(a.dockerfile()).isEqualTo(dir.resolve("app/Dockerfile"));
        assertThat(services.get(1).build().orElseThrow().args()).containsEntry("BASE", "base:1");
        assertThat(services.get(0).image()).startsWith("zombielab/build-a:");
    }

    @Test
    @DisplayName(
            "every wrong thing at its file:line: unsupported keys, no image, a bad duration, a bad healthcheck, include")
    void badInput() throws IOException {
        List<FleetMember> services = read("""
                include:
                  - other.yaml
                services:
                  a:
                    extends: {file: base.yaml, service: web}
                    image: app:1
                  b:
                    restart: always
                  c:
                    image: app:1
                    stop_grace_period: soon
                  d:
                    image: app:1
                    healthcheck:
                      test: ["EXEC", "true"]
                  e:
                    image: app:1
                    pid: host
                """);
        assertThat(services).as("nothing is judged from a file with a problem").isEmpty();
        assertThat(problemLines())
                .containsExactly(
                        "compose.yaml:1: include: include is not supported: validate each Compose file with its own --compose FILE",
                        "compose.yaml:5: services.a.extends: 'extends' is not supported: validate cannot run service a as Compose would with it "
                                + "(it models: build, command, entrypoint, env_file, environment, healthcheck, image, init, profiles, "
                                + "stop_grace_period, stop_signal, user, working_dir)",
                        "compose.yaml:7: services.b: service b has neither image nor build: Compose would have nothing to run",
                        "compose.yaml:11: services.c.stop_grace_period: must be a duration such as 10s, 1m30s or 500ms, found 'soon'",
                        "compose.yaml:15: services.d.healthcheck.test: a healthcheck test list starts with CMD, CMD-SHELL or NONE, not 'EXEC'",
                        "compose.yaml:18: services.e.pid: 'pid' is not supported: validate cannot run service e as Compose would with it "
                                + "(it models: build, command, entrypoint, env_file, environment, healthcheck, image, init, profiles, "
                                + "stop_grace_period, stop_signal, user, working_dir)");
    }

    @Test
    @DisplayName("a file that is not YAML: its line")
    void notYaml() throws IOException {
        read("services:\n  web:\n    image: [app\n");
        assertThat(problemLines()).singleElement().asString().startsWith("compose.yaml:4: not valid YAML");
    }

    @Test
    @DisplayName(
            "the fix is a diff adding init: true under the service; with an init, a killed stop names stop_grace_period's line")
    void fixes() throws IOException {
        List<FleetMember> services = read("""
                services:
                  web:
                    image: app:1
                    ports: ["80:80"]
                  slow:
                    image: app:1
                    init: true
                    stop_grace_period: 2s
                """);
        assertThat(services.get(0).notes()).containsExactly("read, not modelled (no effect on PID 1): ports (line 4)");
        List<String> web = services.get(0)
                .fix()
                .orElseThrow()
                .lines(List.of(verdict(services.get(0), Promises.SHIPPED_REAPS_ORPHANS, PromiseOutcome.LEFT_ZOMBIES)));
        String file = dir.resolve("compose.yaml").toString();
        assertThat(web)
                .startsWith(
                        "--- " + file,
                        "+++ " + file + " (fixed)",
                        "@@ -1,5 +1,6 @@",
                        " services:",
                        "   web:",
                        "+    init: true",
                        "     image: app:1");
        List<String> slow = services.get(1)
                .fix()
                .orElseThrow()
                .lines(List.of(verdict(services.get(1), Promises.STOPS_GRACEFULLY, PromiseOutcome.KILLED)));
        assertThat(slow)
                .containsExactly(file + ":8: service slow was still running when docker stop killed it after 2 s: its "
                        + "stop_grace_period is shorter than its shutdown: raise it (or make the app stop sooner)");
        assertThat(services.get(0)
                        .fix()
                        .orElseThrow()
                        .lines(List.of(
                                verdict(services.get(0), Promises.SHIPPED_REAPS_ORPHANS, PromiseOutcome.REAPED))))
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
