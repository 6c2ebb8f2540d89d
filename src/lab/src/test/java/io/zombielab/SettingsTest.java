package io.zombielab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zombielab.probe.ProbeChoice;
import io.zombielab.scenario.Reaper;
import io.zombielab.scenario.ReaperFilter;
import io.zombielab.scenario.Shard;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every variable zombielab reads, under its documented name, read in one place; what each means when unset. */
@Tag("unit")
class SettingsTest {

    private static Properties properties(String... pairs) {
        Properties p = new Properties();
        p.setProperty("user.dir", "/jvm/runs/here");
        for (int i = 0; i < pairs.length; i += 2) {
            p.setProperty(pairs[i], pairs[i + 1]);
        }
        return p;
    }

    @Test
    @DisplayName("each variable under its name: engine, run, probe, base image, certificates, reapers, shard")
    void everyVariable() {
        Settings s = Settings.of(
                Map.of(
                        "DOCKER_HOST",
                        "tcp://10.0.0.1:2375",
                        "TESTCONTAINERS_RYUK_DISABLED",
                        "TRUE",
                        "ZOMBIELAB_DOCKER_API_VERSION",
                        "1.41",
                        "ZOMBIELAB_RUN_ID",
                        "r1",
                        "ZOMBIELAB_PROBE",
                        "universal",
                        "ZOMBIELAB_BASE_IMAGE",
                        " zombielab/base:abc ",
                        "NODE_EXTRA_CA_CERTS",
                        "/etc/ca.pem",
                        "ZOMBIELAB_REAPERS",
                        "tini,none",
                        "ZOMBIELAB_SHARD",
                        "2/3"),
                properties());
        assertThat(s.engine().address()).isEqualTo("DOCKER_HOST=tcp://10.0.0.1:2375");
        assertThat(s.engine().ryukDisabled()).isTrue();
        assertThat(s.engine().apiVersion()).contains("1.41");
        assertThat(s.run().id()).contains("r1");
        assertThat(s.run().probeChoice()).isEqualTo(ProbeChoice.UNIVERSAL);
        assertThat(s.run().requireBaseImage()).isEqualTo("zombielab/base:abc");
        assertThat(s.run().extraCaCertificates()).contains(Path.of("/etc/ca.pem"));
        assertThat(s.selection().reaperFilter().reapers()).containsExactlyInAnyOrder(Reaper.TINI, Reaper.NONE);
        assertThat(s.selection().shardOf()).isEqualTo(new Shard(2, 3));
    }

    @Test
    @DisplayName(
            "a fleet's: COMPOSE_PROFILES as Compose splits it, ZOMBIELAB_FLEET_SHARD, the environment for ${VAR}; no value in toString")
    void fleet() {
        Settings s = Settings.of(
                Map.of(
                        "COMPOSE_PROFILES",
                        " debug, ,tools ",
                        "ZOMBIELAB_FLEET_SHARD",
                        "3/4",
                        "ZOMBIELAB_SHARD",
                        "1/2",
                        "API_TOKEN",
                        "s3cret"),
                properties());
        assertThat(s.fleet().composeProfiles()).containsExactly("debug", "tools");
        assertThat(s.fleet().shardOf())
                .as("the fleet's own, not ZOMBIELAB_SHARD")
                .isEqualTo(new Shard(3, 4));
        assertThat(s.fleet().environment()).containsEntry("API_TOKEN", "s3cret");
        assertThat(s.fleet().toString()).doesNotContain("s3cret");
        Settings none = Settings.of(Map.of("COMPOSE_PROFILES", " "), properties());
        assertThat(none.fleet().composeProfiles()).isEmpty();
        assertThat(none.fleet().shardOf()).isEqualTo(Shard.ALL);
        Settings wrong = Settings.of(Map.of("ZOMBIELAB_FLEET_SHARD", "0/4"), properties());
        assertThatThrownBy(() -> wrong.fleet().shardOf())
                .hasMessageStartingWith("ZOMBIELAB_FLEET_SHARD: a shard is K/N");
    }

    @Test
    @DisplayName(
            "nothing set: the local socket, Ryuk not disabled (refused later), every reaper, one shard, the probe chosen per engine")
    void nothingSet() {
        Settings s = Settings.of(Map.of(), properties());
        assertThat(s.engine().address()).isEqualTo("the local socket");
        assertThat(s.engine().ryukDisabled()).isFalse();
        assertThat(s.run().id()).isEmpty();
        assertThat(s.run().probeChoice()).isEqualTo(ProbeChoice.AUTO);
        assertThat(s.selection().reaperFilter()).isEqualTo(ReaperFilter.ALL);
        assertThat(s.selection().shardOf()).isEqualTo(Shard.ALL);
        assertThatThrownBy(() -> s.run().requireBaseImage()).hasMessageContaining("ZOMBIELAB_BASE_IMAGE is not set");
        assertThat(s.places().home()).isEqualTo(Path.of("/jvm/runs/here"));
        assertThat(s.places().callerDirectory()).isEqualTo(Path.of("/jvm/runs/here"));
    }

    @Test
    @DisplayName(
            "places: the home and the caller's directory as the launcher names them; a relative report folder is the caller's")
    void places() {
        Settings s = Settings.of(
                Map.of(),
                properties(
                        Settings.HOME,
                        "/opt/zombielab",
                        Settings.CALLER_DIRECTORY,
                        "/home/u/app",
                        Settings.REPORT_DIRECTORY,
                        "out/reports"));
        assertThat(s.places().home()).isEqualTo(Path.of("/opt/zombielab"));
        assertThat(s.places().reportDirectory()).contains(Path.of("/home/u/app/out/reports"));
        assertThat(s.places().reports().path()).isEqualTo(Path.of("/home/u/app/out/reports"));
        Settings unset = Settings.of(
                Map.of(), properties(Settings.HOME, "/opt/zombielab", Settings.CALLER_DIRECTORY, "/home/u/app"));
        assertThat(unset.places().reports().path())
                .as("the documented default")
                .isEqualTo(Path.of("/opt/zombielab/target/zombielab-report"));
    }

    @Test
    @DisplayName(
            "a wrong value is refused naming its variable; -Dapi.version, docker-java's own, wins over ZOMBIELAB_DOCKER_API_VERSION")
    void wrongValuesAndPrecedence() {
        Settings wrong = Settings.of(
                Map.of("ZOMBIELAB_REAPERS", "tiny", "ZOMBIELAB_SHARD", "5/4", "ZOMBIELAB_PROBE", "x"), properties());
        assertThatThrownBy(() -> wrong.selection().reaperFilter())
                .hasMessageStartingWith("ZOMBIELAB_REAPERS=tiny: unknown reaper 'tiny'");
        assertThatThrownBy(() -> wrong.selection().shardOf()).hasMessageStartingWith("ZOMBIELAB_SHARD: a shard is K/N");
        assertThatThrownBy(() -> wrong.run().probeChoice()).hasMessageContaining("ZOMBIELAB_PROBE");
        Settings pinned =
                Settings.of(Map.of("ZOMBIELAB_DOCKER_API_VERSION", "1.41"), properties("api.version", "1.43"));
        assertThat(pinned.engine().apiVersion()).isEqualTo(Optional.empty());
    }
}
