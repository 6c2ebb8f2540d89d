package io.zombielab.report;

import io.zombielab.observe.ScenarioObservation;
import io.zombielab.verdict.Judge;
import io.zombielab.verdict.Verdict;

/** The run as Markdown, for a CI job summary: the matrix, the story's reading, and what did not hold. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(RunReport run) {
        StringBuilder md = new StringBuilder("## zombielab: ").append(run.holding()).append(" of ").append(run.cells())
                .append(" cells hold\n\n").append(run.title()).append(" (run ").append(run.runId()).append(", ")
                .append(run.took().toSeconds()).append(" s; observed by the ").append(run.observedBy()).append(")\n\n")
                .append("| cell | reaper | kill | cycles | zombies | orphans | mem/cycle | leak/cycle | pids | verdict |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Verdict v : run.verdicts()) {
            ScenarioObservation o = v.observation();
            md.append(String.format("| %s | %s | %s | %s | %s | %s | %+.1f MiB | %.1f MiB | %d | %s |%n",
                    cell(o.scenario().toString()), o.scenario().reaper().id(), o.scenario().kill().id(),
                    o.completedCycles() + "/" + o.scenario().cycles() + (o.spawnFailure().isPresent() ? " (ended)" : ""),
                    vs(o.finalCensus().zombies().size(), Judge.expectedZombies(o)),
                    vs(o.finalCensus().liveOrphans().size(), Judge.expectedLiveOrphans(o)),
                    v.memoryGrowthBytesPerCycle() / (1 << 20), o.leakedRssAnonBytesPerCycle() / (1 << 20),
                    o.finalSnapshot().cgroup().pidsCurrent(), v.holds() ? "holds" : "**FAILS**"));
        }
        if (!run.reading().isEmpty()) {
            md.append("\n");
            run.reading().forEach(line -> md.append("- ").append(line).append("\n"));
        }
        run.errors().forEach(e -> md.append("\n**could not run**: ").append(e.line().lines().findFirst().orElse("")).append("\n"));
        for (Verdict v : run.verdicts()) {
            if (!v.holds()) {
                md.append("\n<details><summary>").append(cell(v.observation().scenario().toString()))
                        .append(" does not hold</summary>\n\n```text\n").append(v.explain()).append("\n```\n</details>\n");
            }
        }
        return md.toString();
    }

    private static String vs(int observed, int expected) {
        return observed == expected ? Integer.toString(observed) : observed + " (expected " + expected + ")";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
