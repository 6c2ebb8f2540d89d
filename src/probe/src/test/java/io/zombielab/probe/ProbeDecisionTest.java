package io.zombielab.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one rule that picks a container's probe (a run applies it per container, doctor to what it foresees of the host). */
@Tag("unit")
class ProbeDecisionTest {

    @Test
    @DisplayName("auto: the host probe where the host shows the container, else the universal one")
    void auto() {
        assertThat(Probes.decide(ProbeChoice.AUTO, () -> true)).isEqualTo(ProbeDecision.HOST);
        assertThat(Probes.decide(ProbeChoice.AUTO, () -> false)).isEqualTo(ProbeDecision.UNIVERSAL);
    }

    @Test
    @DisplayName("host: the host probe, or a refusal where the host does not show the container (never another probe)")
    void host() {
        assertThat(Probes.decide(ProbeChoice.HOST, () -> true)).isEqualTo(ProbeDecision.HOST);
        assertThat(Probes.decide(ProbeChoice.HOST, () -> false)).isEqualTo(ProbeDecision.HOST_REFUSED);
        assertThat(ProbeDecision.HOST_REFUSED.mode()).isEmpty();
    }

    @Test
    @DisplayName("universal: the universal probe, without asking whether the host shows the container")
    void universal() {
        AtomicInteger asked = new AtomicInteger();
        assertThat(Probes.decide(ProbeChoice.UNIVERSAL, () -> asked.incrementAndGet() > 0))
                .isEqualTo(ProbeDecision.UNIVERSAL);
        assertThat(asked).hasValue(0);
        assertThat(ProbeDecision.UNIVERSAL.mode()).contains(ProbeMode.UNIVERSAL);
    }

    @Test
    @DisplayName("this host foreseen: a remote DOCKER_HOST is never shown; a local engine is, to root only")
    void hostView() {
        assertThat(HostView.of(Optional.of("tcp://docker:2375"), true)).isEqualTo(HostView.REMOTE_ENGINE);
        assertThat(HostView.of(Optional.of("ssh://me@there"), true)).isEqualTo(HostView.REMOTE_ENGINE);
        assertThat(HostView.of(Optional.of("unix:///var/run/docker.sock"), true))
                .isEqualTo(HostView.SHOWN);
        assertThat(HostView.of(Optional.empty(), true)).isEqualTo(HostView.SHOWN);
        assertThat(HostView.of(Optional.empty(), false)).isEqualTo(HostView.NOT_READABLE);
        assertThat(HostView.NOT_READABLE.shown()).isFalse();
    }

    @Test
    @DisplayName("root is the effective uid on /proc/self/status's Uid line; an unreadable file is not root")
    void root(@TempDir Path dir) throws IOException {
        Path status = dir.resolve("status");
        Files.writeString(status, "Name:\tjava\nUid:\t1000\t0\t0\t0\nGid:\t1000\t1000\t1000\t1000\n");
        assertThat(HostView.root(status)).as("effective uid 0").isTrue();
        Files.writeString(status, "Name:\tjava\nUid:\t0\t1001\t1001\t1001\n");
        assertThat(HostView.root(status)).as("real uid 0, effective 1001").isFalse();
        assertThat(HostView.root(dir.resolve("absent"))).isFalse();
    }
}
