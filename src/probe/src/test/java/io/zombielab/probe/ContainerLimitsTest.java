package io.zombielab.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.HostConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The containers zombielab starts beside the observed one are small, and say so the same way to the API and to docker run. */
@Tag("unit")
class ContainerLimitsTest {

    @Test
    @DisplayName("the API and docker run get the same limits, swap as memory")
    void sameLimitsBothWays() {
        HostConfig host = ContainerLimits.PAUSE.applyTo(HostConfig.newHostConfig());

        assertThat(host.getPidsLimit()).isEqualTo(32);
        assertThat(host.getMemory()).isEqualTo(32L << 20);
        assertThat(host.getMemorySwap()).isEqualTo(32L << 20);
        assertThat(ContainerLimits.PAUSE.dockerRunOptions())
                .containsExactly("--pids-limit", "32", "--memory", "33554432b", "--memory-swap", "33554432b");
    }

    @Test
    @DisplayName("a limit of zero or less is refused, naming both")
    void positive() {
        assertThatThrownBy(() -> new ContainerLimits(0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limits must be positive: pids 0, memory 1");
    }
}
