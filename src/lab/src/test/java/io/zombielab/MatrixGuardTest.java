package io.zombielab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zombielab.scenario.Reaper;
import io.zombielab.scenario.Scenario;
import io.zombielab.scenario.ScenarioFiles;
import io.zombielab.scenario.SupervisorKind;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * MatrixTest runs the matrix's {@code guard: true} cells, with the story's: what the subset must still cover for the
 * rest to be repetition (a reaper's only part in a cell is to reap).
 */
@DisplayName("The matrix's guarded subset")
@Tag("unit")
class MatrixGuardTest {

    /** The guarded cells and the story's (StoryTest runs all six). */
    private static List<Scenario> guarded() {
        return java.util.stream.Stream.concat(
                        ScenarioFiles.load(List.of(Path.of("scenarios/matrix.yaml"))).stream()
                                .filter(Scenario::guard),
                        ScenarioFiles.load(List.of(Path.of("scenarios/story.yaml"))).stream())
                .toList();
    }

    @Test
    @DisplayName("has every kill of each supervisor, under none and under tini")
    void everyKillWithAndWithoutAReaper() {
        for (SupervisorKind supervisor : SupervisorKind.values()) {
            for (Reaper reaper : List.of(Reaper.NONE, Reaper.TINI)) {
                assertThat(guarded().stream()
                                .filter(c -> c.supervisor() == supervisor && c.reaper() == reaper)
                                .map(c -> c.kill().id())
                                .collect(Collectors.toSet()))
                        .as("%s's kills under %s", supervisor.id(), reaper.id())
                        .containsExactlyInAnyOrderElementsOf(supervisor.kills());
            }
        }
    }

    @Test
    @DisplayName("has every reaper, pods included, under a kill that leaves zombies without one")
    void everyReaper() {
        // pgid-term and tree end the whole chain at once: without a reaper every process of it is left a zombie.
        assertThat(Arrays.stream(Reaper.values())).allSatisfy(r -> assertThat(guarded())
                .as("a guarded cell of %s under pgid-term or tree", r.id())
                .anyMatch(c -> c.reaper() == r
                        && Set.of("pgid-term", "tree").contains(c.kill().id())));
    }

    @Test
    @DisplayName("is a subset: the rest of the 75 cells runs with ZOMBIELAB_MATRIX=all; another value is refused")
    void theVariable() {
        List<Scenario> all = ScenarioFiles.load(List.of(Path.of("scenarios/matrix.yaml")));
        assertThat(all).hasSize(75);
        assertThat(all.stream().filter(Scenario::guard)).hasSize(22);
        assertThat(TestCells.everyCell(null)).isFalse();
        assertThat(TestCells.everyCell("guard")).isFalse();
        assertThat(TestCells.everyCell("all")).isTrue();
        assertThatThrownBy(() -> TestCells.everyCell("full"))
                .hasMessage(
                        "ZOMBIELAB_MATRIX=full: it takes 'all' (every cell) or 'guard' (the cells marked guard: true,"
                                + " the default)");
    }
}
