package io.zombielab.deploy;

import io.zombielab.scenario.ScenarioFileException;
import java.util.List;
import java.util.stream.Collectors;

/** Deployment files (an image list, a Compose file, a manifest) that cannot be used; each problem at its file:line. Nothing ran. */
public final class DeployFileException extends RuntimeException {

    private final List<ScenarioFileException.Problem> problems;

    public DeployFileException(List<ScenarioFileException.Problem> problems) {
        super(problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in what validate was given:\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ScenarioFileException.Problem> problems() {
        return problems;
    }
}
