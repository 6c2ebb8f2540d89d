package io.zombielab.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import io.zombielab.observe.Census;
import io.zombielab.observe.CgroupFigures;
import io.zombielab.observe.CycleSample;
import io.zombielab.observe.ProcessInfo;
import io.zombielab.observe.ScenarioObservation;
import io.zombielab.observe.Snapshot;
import io.zombielab.report.MatrixTable;
import io.zombielab.scenario.Scenario;
import io.zombielab.scenario.ScenarioFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JudgeTest {

    private static final long MIB = 1024 * 1024;
    private static final List<Scenario> STORY = ScenarioFiles.load(List.of(Path.of("scenarios/story.yaml")));
    private static final Scenario STAGE_1 = STORY.get(0); // none + pid-kill: 9 orphans, memory grows
    private static final Scenario STAGE_2 = STORY.get(1); // none + pgid-term: 6 zombies, flat

    private static ProcessInfo orphan(int pid) {
        return new ProcessInfo(pid, "zl-c1-L1", 'S', 1, 9, pid, 80_000, "c1", "zl-c1-L1");
    }

    private static ProcessInfo zombie(int pid) {
        return new ProcessInfo(pid, "zl-c1-L1", 'Z', 1, 9, pid, 0, "", "");
    }

    /** An observation whose anon memory grows by {@code growthMiB} each cycle and ends with this census. */
    private static ScenarioObservation observed(Scenario scenario, long growthMiB, Census census, int cycles) {
        List<CycleSample> samples = new ArrayList<>();
        for (int c = 0; c <= cycles; c++) {
            samples.add(new CycleSample(c, new CgroupFigures(0, (100 + c * growthMiB) * MIB, 10, 512, 0), census));
        }
        List<ProcessInfo> all = new ArrayList<>(census.zombies());
        all.addAll(census.liveOrphans());
        Snapshot last = new Snapshot(Instant.EPOCH, all, samples.get(cycles).cgroup());
        return new ScenarioObservation(scenario, samples, last, census, "  PID ... (table)\n",
                cycles < scenario.cycles() ? Optional.of("cycle " + (cycles + 1) + ": fork failed") : Optional.empty(),
                "", Duration.ofSeconds(1));
    }

    private static List<ProcessInfo> times(int n, java.util.function.IntFunction<ProcessInfo> f) {
        List<ProcessInfo> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(f.apply(100 + i));
        }
        return list;
    }

    @Test
    @DisplayName("stage 1 as the story tells it holds")
    void stageOneHolds() {
        Verdict v = Judge.judge(observed(STAGE_1, 90, new Census(List.of(), times(9, JudgeTest::orphan)), 3));
        assertThat(v.holds()).as(v.explain()).isTrue();
        assertThat(v.memoryGrowthBytesPerCycle()).isEqualTo(90.0 * MIB);
    }

    @Test
    @DisplayName("an orphan row whose memory does not grow by the leaked ballast fails the memory check")
    void orphanRowWithoutGrowthFails() {
        Verdict v = Judge.judge(observed(STAGE_1, 10, new Census(List.of(), times(9, JudgeTest::orphan)), 3));
        assertThat(v.holds()).isFalse();
        assertThat(v.checks()).filteredOn(c -> !c.passed()).extracting(Check::name).containsExactly("memory growth");
    }

    @Test
    @DisplayName("a failed verdict names the scenario, the broken expectation, and shows the process table")
    void explainsFailure() {
        Verdict v = Judge.judge(observed(STAGE_2, 0, new Census(times(5, JudgeTest::zombie), List.of()), 3));
        assertThat(v.holds()).isFalse();
        assertThat(v.explain())
                .contains("stage 2: first fix (process group) [none/go/pgid-term] does not hold")
                .contains("FAIL zombies: expected 6, observed 5")
                .contains("ok   live orphans: expected 0, observed 0")
                .contains("PID ... (table)");
    }

    @Test
    @DisplayName("a spawn failure means the cycles did not all complete")
    void spawnFailureFails() {
        Verdict v = Judge.judge(observed(STAGE_2, 0, new Census(times(4, JudgeTest::zombie), List.of()), 2));
        assertThat(v.checks()).filteredOn(c -> c.name().equals("cycles completed")).singleElement()
                .satisfies(c -> {
                    assertThat(c.passed()).isFalse();
                    assertThat(c.actual()).contains("fork failed");
                });
    }

    @Test
    @DisplayName("the matrix shows observed values, and the expectation beside any that differ")
    void matrixRendersExpectationsBesideMismatches() {
        String table = MatrixTable.render(List.of(
                Judge.judge(observed(STAGE_1, 90, new Census(List.of(), times(9, JudgeTest::orphan)), 3)),
                Judge.judge(observed(STAGE_2, 0, new Census(times(5, JudgeTest::zombie), Collections.emptyList()), 3))));
        assertThat(table.lines()).hasSize(3);
        assertThat(table.lines().skip(1).findFirst().orElseThrow())
                .contains("none", "pid-kill", " 3/3 ", " 9 ", "+90.0 MiB", "holds", "stage 1: original code");
        assertThat(table.lines().skip(2).findFirst().orElseThrow()).contains("5 (!=6)", "FAILS");
    }
}
