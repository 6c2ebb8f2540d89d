package io.zombielab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The design notes' truth table, for a chain of npm, sh and D node levels over N cycles. */
@Tag("unit")
class ChainTruthTableTest {

    private static final ChainWorkload CHAIN = new ChainWorkload(3, 16, Duration.ofSeconds(1));

    @Test
    @DisplayName(
            "pid-kill leaves everything below npm alive, with or without a reaper: L-1 orphans a cycle, no zombies")
    void pidKillLeaksOrphansWhateverTheReaper() {
        for (Reaper reaper : Reaper.values()) {
            assertThat(ChainTruthTable.expect(reaper, KillStrategy.PID_KILL, CHAIN))
                    .isEqualTo(new Expectation(0, 4, MemoryTrend.GROWS, SpawnOutcome.COMPLETES));
        }
    }

    @Test
    @DisplayName("pid-term: npm passes SIGTERM to its shell alone, so the node levels live on")
    void pidTermLeaksTheNodeLevels() {
        assertThat(ChainTruthTable.expect(Reaper.TINI, KillStrategy.PID_TERM, CHAIN))
                .isEqualTo(new Expectation(0, 3, MemoryTrend.GROWS, SpawnOutcome.COMPLETES));
    }

    @Test
    @DisplayName("group-then-kill and tree kills end like the group kill: zombies only without a reaper")
    void everyLevelKillsEndLikeTheGroupKill() {
        for (KillStrategy kill : new KillStrategy[] {KillStrategy.PGID_TERM_THEN_KILL, KillStrategy.TREE}) {
            assertThat(ChainTruthTable.expect(Reaper.NONE, kill, CHAIN))
                    .isEqualTo(ChainTruthTable.expect(Reaper.NONE, KillStrategy.PGID_TERM, CHAIN));
            assertThat(ChainTruthTable.expect(Reaper.JAVA, kill, CHAIN))
                    .isEqualTo(new Expectation(0, 0, MemoryTrend.FLAT, SpawnOutcome.COMPLETES));
        }
    }

    @Test
    @DisplayName("pgid-term without a reaper leaves every node level a zombie each cycle; npm reaps its shell")
    void pgidTermWithoutReaperLeavesZombies() {
        assertThat(ChainTruthTable.expect(Reaper.NONE, KillStrategy.PGID_TERM, CHAIN))
                .isEqualTo(new Expectation(3, 0, MemoryTrend.FLAT, SpawnOutcome.COMPLETES));
    }

    @Test
    @DisplayName("pgid-term with a reaper leaves nothing")
    void pgidTermWithReaperLeavesNothing() {
        for (Reaper reaper : Reaper.values()) {
            if (reaper.reapsAdoptedOrphans()) {
                assertThat(ChainTruthTable.expect(reaper, KillStrategy.PGID_TERM, CHAIN))
                        .isEqualTo(new Expectation(0, 0, MemoryTrend.FLAT, SpawnOutcome.COMPLETES));
            }
        }
    }

    @Test
    @DisplayName(
            "Kubernetes pods: pod-shared (pause is PID 1 and reaps) expects what tini does, pod (the default) what none does")
    void podsExpectWhatTheirPidOneGives() {
        for (KillStrategy kill : KillStrategy.values()) {
            assertThat(ChainTruthTable.expect(Reaper.POD_SHARED, kill, CHAIN))
                    .as("pod-shared, " + kill)
                    .isEqualTo(ChainTruthTable.expect(Reaper.TINI, kill, CHAIN));
            assertThat(ChainTruthTable.expect(Reaper.POD, kill, CHAIN))
                    .as("pod, " + kill)
                    .isEqualTo(ChainTruthTable.expect(Reaper.NONE, kill, CHAIN));
        }
        assertThat(ChainTruthTable.expect(Reaper.POD, KillStrategy.PGID_TERM, CHAIN)
                        .zombiesPerCycle())
                .as("the story's first fix in a default pod: a zombie per node level per cycle")
                .isEqualTo(3);
    }

    @Test
    @DisplayName(
            "scenarios/matrix.yaml runs both pods under both supervisors and every kill the others get, expectations from this table")
    void matrixFileHasThePodRows() {
        var cells = ScenarioFiles.load(java.util.List.of(java.nio.file.Path.of("scenarios/matrix.yaml")));
        var pods =
                cells.stream().filter(c -> c.reaper().pidNamespace().hasPause()).toList();
        assertThat(pods)
                .extracting(Scenario::id)
                .containsExactlyInAnyOrder(
                        "pod/go/pid-kill",
                        "pod/go/pid-term",
                        "pod/go/pgid-term",
                        "pod/go/pgid-term-then-kill",
                        "pod-shared/go/pid-kill",
                        "pod-shared/go/pid-term",
                        "pod-shared/go/pgid-term",
                        "pod-shared/go/pgid-term-then-kill",
                        "pod/java/pid-kill",
                        "pod/java/pid-term",
                        "pod/java/pgid-term",
                        "pod/java/pgid-term-then-kill",
                        "pod/java/tree",
                        "pod-shared/java/pid-kill",
                        "pod-shared/java/pid-term",
                        "pod-shared/java/pgid-term",
                        "pod-shared/java/pgid-term-then-kill",
                        "pod-shared/java/tree");
        assertThat(pods)
                .filteredOn(c -> c.id().equals("pod/go/pgid-term"))
                .singleElement()
                .extracting(Scenario::expectation)
                .isEqualTo(new Expectation(2, 0, MemoryTrend.FLAT, SpawnOutcome.COMPLETES));
        assertThat(pods)
                .filteredOn(c -> c.id().equals("pod-shared/go/pgid-term"))
                .singleElement()
                .extracting(Scenario::expectation)
                .isEqualTo(new Expectation(0, 0, MemoryTrend.FLAT, SpawnOutcome.COMPLETES));
        assertThat(pods)
                .filteredOn(c -> c.id().equals("pod-shared/go/pid-kill"))
                .singleElement()
                .extracting(Scenario::expectation)
                .isEqualTo(new Expectation(0, 3, MemoryTrend.GROWS, SpawnOutcome.COMPLETES));
    }

    @Test
    @DisplayName("scenarios/story.yaml holds the story's six cells, expectations from this table")
    void storyFileHasTheSixCells() {
        var cells = ScenarioFiles.load(java.util.List.of(java.nio.file.Path.of("scenarios/story.yaml")));
        assertThat(cells)
                .extracting(Scenario::id)
                .containsExactly(
                        "none/go/pid-kill",
                        "none/go/pgid-term",
                        "tini/go/pid-kill",
                        "tini/go/pgid-term",
                        "docker-init/go/pid-kill",
                        "docker-init/go/pgid-term");
        assertThat(cells.get(1).expectation())
                .isEqualTo(new Expectation(2, 0, MemoryTrend.FLAT, SpawnOutcome.COMPLETES));
        assertThat(cells.get(0).name()).isEqualTo("stage 1: original code");
    }
}
