package io.zombielab.scenario;

import java.util.List;
import java.util.stream.Collectors;

/** Scenario files that cannot be used; every problem names its file, line and key. Nothing has run. */
public final class ScenarioFileException extends RuntimeException {

    private final List<Problem> problems;

    public ScenarioFileException(List<Problem> problems) {
        super(problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in scenario files:\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** One thing wrong, where it is: {@code scenarios/x.yaml:12: scenarios[0].reaper: unknown reaper 'tiny' ...}. */
    public record Problem(String file, int line, String key, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + (key.isEmpty() ? "" : key + ": ") + message;
        }
    }
}
