package io.zombielab.run;

import io.zombielab.image.Labels;
import io.zombielab.scenario.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a scenario's container is made with, in one place: the harness creates it from this, and
 * {@code zombielab plan} prints it as a {@code docker run} line (to run a cell by hand, or as bench/'s baseline).
 */
public record ContainerSpec(String image, Map<String, String> labels, Map<String, String> environment, List<String> command,
                            boolean engineInit, long pidsLimit, long memoryBytes, Map<String, String> tmpfs,
                            boolean readOnlyRoot, List<Integer> ports) {

    public static ContainerSpec of(Scenario scenario, String image, String runId) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ZOMBIELAB_KILL", scenario.kill().id());
        env.put("ZOMBIELAB_WORKLOAD_DIR", scenario.workload().directory());
        env.putAll(new TreeMap<>(scenario.workload().environment()));
        // pgid-term-then-kill: the chain is gone in milliseconds; under a PID 1 that never reaps, the
        // zombies keep the group alive and the whole grace is waited for, every cycle.
        env.put("ZOMBIELAB_GRACE_MS", "1000");
        // The fixtures are read-only: the root file system is, and only /tmp (in memory, counted in the
        // cell's memory limit) can be written; npm keeps its cache and logs there.
        env.put("npm_config_cache", "/tmp/npm-cache");
        List<Integer> ports = new ArrayList<>(List.of(SupervisorClient.CONTROL_PORT));
        ports.addAll(scenario.workload().ports(scenario.cycles()));
        return new ContainerSpec(image, new TreeMap<>(Labels.scenarioContainer(runId, scenario.id())), env,
                List.of(scenario.supervisor().command()), scenario.reaper().injectedByEngine(),
                scenario.limits().pidsLimit(), scenario.limits().memoryBytes(), Map.of("/tmp", "rw,nosuid,size=64m"), true,
                ports);
    }

    /** The same container as a {@code docker run} command line, each port published on localhost. */
    public List<String> dockerRun() {
        List<String> args = new ArrayList<>(List.of("docker", "run", "-d"));
        labels.forEach((k, v) -> args.addAll(List.of("--label", k + "=" + v)));
        environment.forEach((k, v) -> args.addAll(List.of("--env", k + "=" + v)));
        if (engineInit) {
            args.add("--init");
        }
        args.addAll(List.of("--pids-limit", Long.toString(pidsLimit), "--memory", memoryBytes + "b",
                "--memory-swap", memoryBytes + "b"));
        if (readOnlyRoot) {
            args.add("--read-only");
        }
        tmpfs.forEach((path, options) -> args.addAll(List.of("--tmpfs", path + ":" + options)));
        ports.forEach(p -> args.addAll(List.of("--publish", "127.0.0.1::" + p)));
        args.add(image);
        args.addAll(command);
        return args;
    }
}
