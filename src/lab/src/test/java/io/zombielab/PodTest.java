package io.zombielab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zombielab.engine.DockerEngine;
import io.zombielab.image.Labels;
import io.zombielab.observe.ScenarioObservation;
import io.zombielab.probe.ProbeChoice;
import io.zombielab.probe.ProcessInfo;
import io.zombielab.scenario.Reaper;
import io.zombielab.scenario.Scenario;
import io.zombielab.scenario.ScenarioFiles;
import io.zombielab.verdict.Check;
import io.zombielab.verdict.Judge;
import io.zombielab.verdict.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The story in Kubernetes, which has no {@code --init}. Its first fix (the Go supervisor stops npm's process
 * group with SIGTERM) in a pod as Kubernetes makes one by default ({@code shareProcessNamespace: false}): the
 * pause container runs, but the supervisor is PID 1 of its own container's namespace, and a zombie is left
 * per node level per cycle, as in stage 2. With {@code shareProcessNamespace: true} the supervisor's container
 * joins the pause container's namespace: pause is PID 1 and reaps them all. Each cell is watched by both
 * probes, and each is its own negative control: judged by the other pod's expectation, it must fail on its
 * zombies (a zombie check that cannot tell them apart proves nothing).
 */
@DisplayName("Kubernetes pods: the story's first fix")
@ExtendWith(SkipWithoutCells.class)
@Tag("container")
class PodTest {

    private static final Map<ProbeChoice, Lab> LABS = new EnumMap<>(ProbeChoice.class);

    private static Lab lab(ProbeChoice probe) {
        return LABS.computeIfAbsent(
                probe, p -> Lab.open(Settings.fromEnvironment(), line -> System.out.println("[zombielab] " + line), p));
    }

    private static Scenario cell(String id) {
        return ScenarioFiles.load(List.of(Path.of("scenarios/matrix.yaml"))).stream()
                .filter(c -> c.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("scenarios/matrix.yaml has no cell " + id));
    }

    static Stream<Arguments> podsAndProbes() {
        List<Scenario> pods = TestCells.of(List.of(Path.of("scenarios/matrix.yaml")))
                .filter(c -> c.id().equals("pod/go/pgid-term") || c.id().equals("pod-shared/go/pgid-term"))
                .toList();
        return pods.stream().flatMap(cell -> Stream.of(ProbeChoice.HOST, ProbeChoice.UNIVERSAL)
                .map(p -> Arguments.of(cell, p)));
    }

    @DisplayName("the first fix in a pod:")
    @ParameterizedTest(name = "{0}, {1} probe")
    @MethodSource("podsAndProbes")
    void firstFixInAPod(Scenario cell, ProbeChoice probe) {
        Verdict verdict = lab(probe).run(cell);
        CellCheck.assertHolds(verdict);

        ScenarioObservation seen = verdict.observation();
        String table = "\nprocess table after the last cycle:\n" + seen.end().table();
        ProcessInfo pid1 = seen.end().snapshot().process(1).orElseThrow(() -> new AssertionError("no PID 1" + table));
        if (cell.reaper() == Reaper.POD_SHARED) {
            assertThat(pid1.cmdline())
                    .as("pause is PID 1 of the shared namespace" + table)
                    .isEqualTo("/zl-helper pause");
            assertThat(seen.end().census().zombies())
                    .as("pause reaped every node level" + table)
                    .isEmpty();
        } else {
            assertThat(pid1.cmdline())
                    .as("the supervisor is PID 1 of its own namespace" + table)
                    .endsWith("supervisor-go");
            assertThat(seen.end().census().zombies())
                    .as("2 node levels a cycle, 3 cycles, left to a PID 1 that never reaps" + table)
                    .hasSize(6);
        }

        Reaper other = cell.reaper() == Reaper.POD_SHARED ? Reaper.POD : Reaper.POD_SHARED;
        Verdict asOther = judgedAs(seen, other);
        assertThat(asOther.checks())
                .as("negative control: judged as a " + other + " cell, its zombies must fail it\n" + asOther.explain())
                .filteredOn(c -> c.name().equals("zombies"))
                .singleElement()
                .extracting(Check::passed)
                .isEqualTo(false);
    }

    /** The same observation, judged by what a cell of {@code reaper} expects. */
    private static Verdict judgedAs(ScenarioObservation o, Reaper reaper) {
        Scenario s = o.scenario();
        Scenario as = new Scenario(
                s.name(),
                reaper,
                s.supervisor(),
                s.workload(),
                s.kill(),
                s.cycles(),
                s.limits(),
                s.workload().expect(reaper, s.kill()),
                s.guard());
        return Judge.judge(new ScenarioObservation(
                as, o.probe(), o.samples(), o.end(), o.up(), o.endedEarly(), o.containerLog(), o.elapsed()));
    }

    @Test
    @DisplayName(
            "a pod cell that fails (its chain cannot be up in time): an error naming the cell, and its pause container is removed with its own")
    void failedPodCellLeavesNothing(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("pod-timeout.yaml");
        // npm alone takes longer than 100 ms to start: the first cycle is never up in time.
        Files.writeString(file, """
                scenarios:
                  - reaper: pod-shared
                    supervisor: go
                    kill: pgid-term
                    cycles: 1
                    limits: {up-timeout-ms: 100}
                """);
        Scenario timesOut = ScenarioFiles.load(List.of(file)).get(0);
        Lab lab = lab(ProbeChoice.AUTO);
        assertThatThrownBy(() -> lab.run(timesOut))
                .hasMessageContaining("pod-shared/go/pgid-term")
                .hasMessageContaining("waited 100 ms for chain c1 to be up");
        assertThat(DockerEngine.client(Settings.fromEnvironment().engine())
                        .listContainersCmd()
                        .withShowAll(true)
                        .withLabelFilter(Map.of(Labels.RUN, lab.runId(), Labels.SCENARIO, timesOut.id()))
                        .exec())
                .as("containers of the failed pod cell (its own, its pause, a sidecar)")
                .isEmpty();
    }
}
