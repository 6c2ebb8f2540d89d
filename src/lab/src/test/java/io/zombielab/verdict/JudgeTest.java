package io.zombielab.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import io.zombielab.TestFigures;
import io.zombielab.observe.Census;
import io.zombielab.observe.CycleSample;
import io.zombielab.observe.EndedEarly;
import io.zombielab.observe.ProcessTree;
import io.zombielab.observe.ScenarioObservation;
import io.zombielab.probe.ProbeMode;
import io.zombielab.probe.ProcessInfo;
import io.zombielab.probe.ProcessState;
import io.zombielab.probe.Snapshot;
import io.zombielab.report.MatrixRow;
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
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class JudgeTest {

    private static final long MIB = 1024 * 1024;
    private static final List<Scenario> STORY = ScenarioFiles.load(List.of(Path.of("scenarios/story.yaml")));
    private static final Scenario STAGE_1 = STORY.get(0); // none + pid-kill: 9 orphans, memory grows
    private static final Scenario STAGE_2 = STORY.get(1); // none + pgid-term: 6 zombies, flat
    private static final List<Scenario> APP = ScenarioFiles.load(List.of(Path.of("scenarios/next-app.yaml")));
    private static final Scenario APP_PID_KILL = APP.stream()
            .filter(c -> c.id().equals("none/go/pid-kill/next-app"))
            .findFirst()
            .orElseThrow(); // 2 orphans per cycle, growth near their RssAnon

    private static ProcessTree treeOf(String... names) {
        List<ProcessTree.Node> nodes = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            nodes.add(new ProcessTree.Node(i, 10 + i, names[i], names[i]));
        }
        return new ProcessTree("c1", nodes);
    }

    private static final ProcessTree CHAIN_TREE = treeOf("npm run start", "sh", "zl-c1-L1", "zl-c1-L2");
    private static final ProcessTree APP_TREE = treeOf("npm run start", "sh", "next-server (v1");

    /** A live orphan of the real app holding {@code anonMiB} of anonymous memory. */
    private static ProcessInfo appOrphan(int pid, long anonMiB) {
        return new ProcessInfo(
                pid,
                "next-server (v1",
                ProcessState.SLEEPING,
                1,
                9,
                pid,
                anonMiB * 2048,
                "c1",
                "next-server",
                OptionalLong.of(anonMiB * 1024));
    }

    private static ProcessInfo orphan(int pid) {
        return new ProcessInfo(pid, "zl-c1-L1", ProcessState.SLEEPING, 1, 9, pid, 80_000, "c1", "zl-c1-L1");
    }

    private static ProcessInfo zombie(int pid) {
        return new ProcessInfo(pid, "zl-c1-L1", ProcessState.ZOMBIE, 1, 9, pid, 0, "", "");
    }

    /** An observation whose anon memory grows by {@code growthMiB} each cycle and ends with this census. */
    private static ScenarioObservation observed(Scenario scenario, long growthMiB, Census census, int cycles) {
        return observed(scenario, growthMiB, census, cycles, CHAIN_TREE);
    }

    private static ScenarioObservation observed(
            Scenario scenario, long growthMiB, Census census, int cycles, ProcessTree tree) {
        List<CycleSample> samples = new ArrayList<>();
        for (int c = 0; c <= cycles; c++) {
            samples.add(new CycleSample(c, TestFigures.figures(0, (100 + c * growthMiB) * MIB, 10, 512, 0, 0), census));
        }
        List<ProcessInfo> all = new ArrayList<>(census.zombies());
        all.addAll(census.liveOrphans());
        Snapshot last = new Snapshot(Instant.EPOCH, all, samples.get(cycles).cgroup());
        return new ScenarioObservation(
                scenario,
                ProbeMode.HOST,
                samples,
                new ScenarioObservation.End(last, census, "  PID ... (table)\n"),
                new ScenarioObservation.Up(tree, ""),
                cycles < scenario.cycles()
                        ? Optional.of(EndedEarly.notStarted("cycle " + (cycles + 1) + ": fork failed"))
                        : Optional.empty(),
                "",
                Duration.ofSeconds(1));
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
        assertThat(v.memoryGrowthMibPerCycle()).hasValue(90.0);
    }

    @Test
    @DisplayName("an orphan row whose memory does not grow by the leaked ballast fails the memory check")
    void orphanRowWithoutGrowthFails() {
        Verdict v = Judge.judge(observed(STAGE_1, 10, new Census(List.of(), times(9, JudgeTest::orphan)), 3));
        assertThat(v.holds()).isFalse();
        assertThat(v.checks())
                .filteredOn(c -> !c.passed())
                .extracting(Check::name)
                .containsExactly("memory growth");
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
        assertThat(v.checks())
                .filteredOn(c -> c.name().equals("cycles completed"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.passed()).isFalse();
                    assertThat(c.observedText()).contains("fork failed");
                });
    }

    @Test
    @DisplayName("the matrix shows observed values, and the expectation beside any that differ")
    void matrixRendersExpectationsBesideMismatches() {
        String table = MatrixTable.render(Stream.of(
                        Judge.judge(observed(STAGE_1, 90, new Census(List.of(), times(9, JudgeTest::orphan)), 3)),
                        Judge.judge(observed(
                                STAGE_2, 0, new Census(times(5, JudgeTest::zombie), Collections.emptyList()), 3)))
                .map(MatrixRow::of)
                .toList());
        assertThat(table.lines()).hasSize(3);
        assertThat(table.lines().skip(1).findFirst().orElseThrow())
                .contains("none", "pid-kill", " 3/3 ", " 9 ", "+90.0 MiB", "holds", "stage 1: original code");
        assertThat(table.lines().skip(2).findFirst().orElseThrow()).contains("5 (!=6)", "FAILS");
    }

    @Test
    @DisplayName("a tree other than the one the workload is built to make fails the process-tree check")
    void unexpectedTreeFails() {
        Verdict v = Judge.judge(observed(
                STAGE_1,
                90,
                new Census(List.of(), times(9, JudgeTest::orphan)),
                3,
                treeOf("npm run start", "zl-c1-L1", "zl-c1-L2")));
        assertThat(v.checks()).filteredOn(c -> !c.passed()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("process tree");
            assertThat(c.expectedText()).isEqualTo("npm run start -> sh -> zl-c*-L1 -> zl-c*-L2");
            assertThat(c.observedText()).isEqualTo("npm run start -> zl-c1-L1 -> zl-c1-L2");
        });
    }

    @Test
    @DisplayName("the real app's orphan rows grow by what the orphans hold: near their RssAnon passes, far fails")
    void appGrowthIsComparedWithTheLeakedRssAnon() {
        // 3 cycles, each leaving a shell (1 MiB) and a server (49 MiB): 50 MiB of RssAnon leaked per cycle.
        List<ProcessInfo> orphans = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            orphans.add(appOrphan(200 + c, 1));
            orphans.add(appOrphan(300 + c, 49));
        }
        Census census = new Census(List.of(), orphans);
        Verdict near = Judge.judge(observed(APP_PID_KILL, 55, census, 3, APP_TREE));
        assertThat(near.holds()).as(near.explain()).isTrue();
        assertThat(near.observation().leakedRssAnonBytesPerCycle()).isEqualTo(50.0 * MIB);

        Verdict far = Judge.judge(observed(APP_PID_KILL, 20, census, 3, APP_TREE));
        assertThat(far.checks()).filteredOn(c -> !c.passed()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("memory growth");
            assertThat(c.expectedText()).isEqualTo("50.0 MiB/cycle +-25% (the orphans' RssAnon)");
            assertThat(c.observedText()).isEqualTo("20.0 MiB/cycle");
        });
    }
}
