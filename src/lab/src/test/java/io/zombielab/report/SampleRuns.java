package io.zombielab.report;

import io.zombielab.TestFigures;
import io.zombielab.observe.Census;
import io.zombielab.observe.CycleSample;
import io.zombielab.observe.ProcessTree;
import io.zombielab.observe.ScenarioObservation;
import io.zombielab.probe.ProbeMode;
import io.zombielab.probe.ProcessInfo;
import io.zombielab.probe.ProcessState;
import io.zombielab.probe.Snapshot;
import io.zombielab.scenario.Scenario;
import io.zombielab.scenario.ScenarioFiles;
import io.zombielab.verdict.Judge;
import io.zombielab.verdict.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Runs made without containers, for the reports' tests. */
final class SampleRuns {

    private SampleRuns() {}

    /** A story run as the matrix command would report it: stage 1 leaking, stage 2 with zombies, the rest clean. */
    static RunReport story() {
        List<Verdict> verdicts = new ArrayList<>();
        for (Scenario s : ScenarioFiles.load(List.of(Path.of("scenarios/story.yaml")))) {
            int orphansPerCycle = s.expectation().liveOrphansPerCycle();
            int zombiesPerCycle = s.expectation().zombiesPerCycle();
            List<ProcessInfo> orphans = new ArrayList<>();
            List<ProcessInfo> zombies = new ArrayList<>();
            for (int i = 0; i < 3 * orphansPerCycle; i++) {
                orphans.add(new ProcessInfo(
                        100 + i,
                        "zl-c1-L1",
                        ProcessState.SLEEPING,
                        1,
                        9,
                        i,
                        40_000,
                        "c1",
                        "zl-c1-L1",
                        OptionalLong.of(31_000)));
            }
            for (int i = 0; i < 3 * zombiesPerCycle; i++) {
                zombies.add(new ProcessInfo(200 + i, "zl-c1-L1", ProcessState.ZOMBIE, 1, 9, i, 0, "", ""));
            }
            Census census = new Census(zombies, orphans);
            List<CycleSample> samples = new ArrayList<>();
            for (int c = 0; c <= 3; c++) {
                long anon = (4L + (orphansPerCycle > 0 ? 91L * c : 0)) << 20;
                samples.add(new CycleSample(c, TestFigures.figures(anon, anon, 6, 512, 0, 0), census));
            }
            List<ProcessTree.Node> nodes = List.of(
                    new ProcessTree.Node(0, 10, "npm run start", "npm run start"),
                    new ProcessTree.Node(1, 11, "sh", "sh -c node level.js"),
                    new ProcessTree.Node(2, 12, "zl-c1-L1", "zl-c1-L1"),
                    new ProcessTree.Node(3, 13, "zl-c1-L2", "zl-c1-L2"));
            List<ProcessInfo> all = new ArrayList<>(zombies);
            all.addAll(orphans);
            verdicts.add(Judge.judge(new ScenarioObservation(
                    s,
                    ProbeMode.HOST,
                    samples,
                    new ScenarioObservation.End(
                            new Snapshot(Instant.EPOCH, all, samples.get(3).cgroup()),
                            census,
                            "   PID   PPID   PGID STAT  RSS(KiB) CHAIN  COMMAND\n     1      0      1 S   4636 -  supervisor-go <pid 1>\n"),
                    new ScenarioObservation.Up(
                            new ProcessTree("c1", nodes),
                            "   PID   PPID   PGID STAT  RSS(KiB) CHAIN  COMMAND\n    10      1     10 S   60000 c1   npm run start\n"),
                    Optional.empty(),
                    "",
                    Duration.ofSeconds(3))));
        }
        return new RunReport(
                "[story.yaml]",
                "20261125-000000-1",
                Instant.EPOCH,
                Duration.ofSeconds(18),
                verdicts,
                List.of(new CellError("none/go/pid-kill", "x", "no Docker engine answers")),
                StoryReading.read(verdicts));
    }
}
