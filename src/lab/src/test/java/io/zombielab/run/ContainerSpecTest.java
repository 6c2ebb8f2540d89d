package io.zombielab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zombielab.probe.ContainerLimits;
import io.zombielab.scenario.Scenario;
import io.zombielab.scenario.ScenarioFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A cell's containers as data: a pod cell's pause container, and whose PID namespace its container joins. */
@Tag("unit")
class ContainerSpecTest {

    private static final List<Scenario> MATRIX = ScenarioFiles.load(List.of(Path.of("scenarios/matrix.yaml")));

    private static Scenario cell(String id) {
        return MATRIX.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName(
            "pod-shared: a locked-down pause labelled with the run, whose PID namespace the cell joins; the plan starts it first")
    void podSharedJoinsItsPause() {
        ContainerSpec spec = ContainerSpec.of(
                cell("pod-shared/go/pgid-term"), "zombielab/reaper-none:x", Optional.of("zombielab/helper:y"), "run-1");
        PauseSpec pause = spec.pid1().pause().orElseThrow();
        assertThat(pause.labels())
                .containsEntry("io.zombielab", "true")
                .containsEntry("io.zombielab.kind", "pause")
                .containsEntry("io.zombielab.run", "run-1")
                .containsEntry("io.zombielab.scenario", "pod-shared/go/pgid-term");
        assertThat(pause.limits()).isEqualTo(ContainerLimits.PAUSE);
        assertThat(spec.pidMode(Optional.of("abc"))).contains("container:abc");
        assertThatThrownBy(() -> spec.pidMode(Optional.empty())).hasMessageContaining("start that first");
        assertThat(spec.shellCommand())
                .startsWith("pause=$(docker run -d --label io.zombielab=true --label io.zombielab.kind=pause ")
                .contains(" --read-only zombielab/helper:y pause) && docker run -d ", " --pid container:\"$pause\" ")
                .endsWith(" zombielab/reaper-none:x /opt/zombielab/bin/supervisor-go");
    }

    @Test
    @DisplayName("pod: the same pause, but the cell keeps a PID namespace of its own")
    void podKeepsItsOwnNamespace() {
        ContainerSpec spec = ContainerSpec.of(
                cell("pod/go/pgid-term"), "zombielab/reaper-none:x", Optional.of("zombielab/helper:y"), "run-1");
        assertThat(spec.pid1().pause()).isPresent();
        assertThat(spec.pidMode(Optional.of("abc"))).isEmpty();
        assertThat(spec.shellCommand()).startsWith("pause=$(docker run -d ").doesNotContain(" --pid ");
    }

    @Test
    @DisplayName("no pod: no pause, one docker run; a pause image for a cell that is no pod's is refused")
    void noPod() {
        Scenario stage2 = cell("none/go/pid-term");
        ContainerSpec spec = ContainerSpec.of(stage2, "zombielab/reaper-none:x", Optional.empty(), "run-1");
        assertThat(spec.pid1().pause()).isEmpty();
        assertThat(spec.shellCommand()).startsWith("docker run -d ").doesNotContain("pause", " --pid ");
        assertThatThrownBy(() -> ContainerSpec.of(stage2, "img", Optional.of("zombielab/helper:y"), "run-1"))
                .hasMessageContaining("has no pause container");
    }
}
