package io.zombielab;

import io.zombielab.engine.DockerEngine;
import io.zombielab.image.ImageCatalog;
import io.zombielab.image.ProjectLayout;
import io.zombielab.run.ScenarioRunner;
import io.zombielab.scenario.Scenario;
import io.zombielab.verdict.Judge;
import io.zombielab.verdict.Verdict;
import java.lang.management.ManagementFactory;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/** The whole pipeline for one JVM: scenario -> image -> run -> observe -> verdict. */
public final class Lab {

    private final ScenarioRunner runner;
    private final String runId;

    private Lab(ScenarioRunner runner, String runId) {
        this.runner = runner;
        this.runId = runId;
    }

    /** Checks the engine and base image, then builds nothing until a scenario needs an image. */
    public static Lab open(Consumer<String> progress) {
        var docker = DockerEngine.client();
        var images = new ImageCatalog(docker, ProjectLayout.current(), ImageCatalog.baseImageFromEnvironment(), progress);
        String runId = System.getenv().getOrDefault("ZOMBIELAB_RUN_ID",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                        + ManagementFactory.getRuntimeMXBean().getPid());
        return new Lab(new ScenarioRunner(images, runId, progress), runId);
    }

    public Verdict run(Scenario scenario) {
        return Judge.judge(runner.run(scenario));
    }

    public String runId() {
        return runId;
    }
}
