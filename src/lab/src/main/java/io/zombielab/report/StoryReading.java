package io.zombielab.report;

import io.zombielab.scenario.KillStrategy;
import io.zombielab.scenario.Reaper;
import io.zombielab.verdict.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One line per stage of the story, read off the measured cells rather than written in advance. */
public final class StoryReading {

    private StoryReading() {}

    public static List<String> read(List<Verdict> verdicts) {
        List<String> lines = new ArrayList<>();
        cell(verdicts, Reaper.NONE, KillStrategy.PID_KILL)
                .ifPresent(v -> lines.add(String.format(
                        "Stage 1, original code (Go at PID 1, cmd.Process.Kill): %d live orphans after %d cycles, memory %+.0f MiB per cycle: the leak that ate the host.",
                        orphans(v), cycles(v), growth(v))));
        cell(verdicts, Reaper.NONE, KillStrategy.PGID_TERM)
                .ifPresent(v -> lines.add(String.format(
                        "Stage 2, first fix (process group SIGTERM): %d orphans, memory %+.0f MiB per cycle, but %d zombies: PID 1 never reaps what it adopts.",
                        orphans(v), growth(v), zombies(v))));
        for (Reaper reaper : List.of(Reaper.TINI, Reaper.DOCKER_INIT)) {
            cell(verdicts, reaper, KillStrategy.PGID_TERM)
                    .ifPresent(v -> lines.add(String.format(
                            "Stage 3, final fix (%s at PID 1 + process group): %d zombies, %d orphans, memory %+.0f MiB per cycle.",
                            reaper.id(), zombies(v), orphans(v), growth(v))));
        }
        cell(verdicts, Reaper.TINI, KillStrategy.PID_KILL)
                .ifPresent(v -> lines.add(String.format(
                        "Not in the story: tini with the original kill still leaves %d live orphans (%+.0f MiB per cycle): an init fixes zombies, not orphans.",
                        orphans(v), growth(v))));
        return lines;
    }

    private static Optional<Verdict> cell(List<Verdict> verdicts, Reaper reaper, KillStrategy kill) {
        return verdicts.stream()
                .filter(v -> v.observation().scenario().reaper() == reaper
                        && v.observation().scenario().kill() == kill)
                .findFirst();
    }

    private static int zombies(Verdict v) {
        return v.observation().end().census().zombies().size();
    }

    private static int orphans(Verdict v) {
        return v.observation().end().census().liveOrphans().size();
    }

    private static int cycles(Verdict v) {
        return v.observation().completedCycles();
    }

    private static double growth(Verdict v) {
        return v.memoryGrowthMibPerCycle().orElse(Double.NaN);
    }
}
