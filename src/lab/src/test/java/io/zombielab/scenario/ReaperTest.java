package io.zombielab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What each reaper is, as data: its image variant, whose PID namespace its cells run in, whether it is an init. */
@Tag("unit")
class ReaperTest {

    @Test
    @DisplayName(
            "the pods run in none's image, with a pause beside them; only pod-shared joins its namespace, and it reaps")
    void podsAreNonesImageInAPod() {
        assertThat(Reaper.byId("pod-shared")).isEqualTo(Reaper.POD_SHARED);
        assertThat(Reaper.byId("pod")).isEqualTo(Reaper.POD);
        for (Reaper pod : new Reaper[] {Reaper.POD, Reaper.POD_SHARED}) {
            assertThat(pod.imageVariant()).isEqualTo(Reaper.NONE);
            assertThat(pod.dockerfile()).isEqualTo("reaper-none.Dockerfile");
            assertThat(pod.pidNamespace().hasPause()).isTrue();
            assertThat(pod.injectedByEngine()).isFalse();
            assertThat(pod.isContainerInit())
                    .as("pause is no init in the container: nothing for validate")
                    .isFalse();
        }
        assertThat(Reaper.POD_SHARED.pidNamespace().joinsPause()).isTrue();
        assertThat(Reaper.POD_SHARED.reapsAdoptedOrphans()).isTrue();
        assertThat(Reaper.POD.pidNamespace().joinsPause()).isFalse();
        assertThat(Reaper.POD.reapsAdoptedOrphans()).isFalse();
    }

    @Test
    @DisplayName("every other reaper runs its own image, in a PID namespace of its own, no pod")
    void othersAreTheirOwnContainers() {
        assertThat(Arrays.stream(Reaper.values()).filter(r -> !r.pidNamespace().hasPause()))
                .allSatisfy(r -> {
                    assertThat(r.imageVariant()).isEqualTo(r);
                    assertThat(r.dockerfile()).isEqualTo("reaper-" + r.id() + ".Dockerfile");
                    assertThat(r.pidNamespace()).isEqualTo(PidNamespace.CONTAINER);
                    assertThat(r.isContainerInit()).isEqualTo(r != Reaper.NONE);
                });
    }
}
