package io.zombielab.report;

import io.zombielab.observe.CycleSample;
import io.zombielab.observe.ScenarioObservation;
import io.zombielab.verdict.Check;
import io.zombielab.verdict.Judge;
import io.zombielab.verdict.Verdict;
import java.util.LinkedHashMap;
import java.util.Map;

/** The run for machines: every cell with its checks, per-cycle samples and observed tree. */
public final class JsonReport {

    private JsonReport() {
    }

    public static String render(RunReport run) {
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("runId", run.runId());
        top.put("title", run.title());
        top.put("finishedAt", run.finishedAt().toString());
        top.put("seconds", run.took().toMillis() / 1000.0);
        top.put("cells", run.cells());
        top.put("holding", run.holding());
        top.put("allHold", run.allHold());
        top.put("observedBy", run.observedBy());
        top.put("errors", run.errors().stream().map(JsonReport::error).toList());
        top.put("reading", run.reading());
        top.put("verdicts", run.verdicts().stream().map(JsonReport::cell).toList());
        return Json.write(top);
    }

    private static Map<String, Object> cell(Verdict v) {
        ScenarioObservation o = v.observation();
        Map<String, Object> cell = new LinkedHashMap<>();
        cell.put("id", o.scenario().id());
        cell.put("name", o.scenario().name());
        cell.put("reaper", o.scenario().reaper().id());
        cell.put("supervisor", o.scenario().supervisor().id());
        cell.put("kill", o.scenario().kill().id());
        cell.put("workload", o.scenario().workload().id());
        cell.put("holds", v.holds());
        cell.put("probe", o.probe().id());
        cell.put("cyclesPlanned", o.scenario().cycles());
        cell.put("cyclesCompleted", o.completedCycles());
        cell.put("endedEarly", o.spawnFailure().orElse(null));
        cell.put("zombies", observedVsExpected(o.finalCensus().zombies().size(), Judge.expectedZombies(o)));
        cell.put("liveOrphans", observedVsExpected(o.finalCensus().liveOrphans().size(), Judge.expectedLiveOrphans(o)));
        cell.put("memoryGrowthMiBPerCycle", v.memoryGrowthBytesPerCycle() / (1 << 20));
        cell.put("leakedRssAnonMiBPerCycle", o.leakedRssAnonBytesPerCycle() / (1 << 20));
        cell.put("pids", o.finalSnapshot().cgroup().pidsCurrent());
        cell.put("tree", o.tree().nodes().stream().map(n -> n.command()).toList());
        cell.put("checks", v.checks().stream().map(JsonReport::check).toList());
        cell.put("samples", o.samples().stream().map(JsonReport::sample).toList());
        cell.put("seconds", o.elapsed().toMillis() / 1000.0);
        return cell;
    }

    private static Map<String, Object> error(CellError e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("name", e.name());
        m.put("cause", e.cause());
        return m;
    }

    private static Map<String, Object> observedVsExpected(int observed, int expected) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("observed", observed);
        m.put("expected", expected);
        return m;
    }

    private static Map<String, Object> check(Check c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("expected", c.expected());
        m.put("observed", c.actual());
        m.put("passed", c.passed());
        return m;
    }

    private static Map<String, Object> sample(CycleSample s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cycle", s.cycle());
        m.put("anonBytes", s.cgroup().memoryRssBytes());
        m.put("pids", s.cgroup().pidsCurrent());
        m.put("zombies", s.census().zombies().size());
        m.put("liveOrphans", s.census().liveOrphans().size());
        return m;
    }
}
