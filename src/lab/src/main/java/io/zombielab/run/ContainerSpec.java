package io.zombielab.run;

import io.zombielab.image.Labels;
import io.zombielab.scenario.PidNamespace;
import io.zombielab.scenario.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Everything a scenario's container is made with, in one place: the harness creates it from this, and
 * {@code zombielab plan} prints it as a {@code docker run} line (to run a cell by hand, or as bench/'s baseline).
 * A pod cell's container comes with its pod's pause container, started first ({@link #pause()}), whose PID
 * namespace it joins where the pod shares it.
 *
 * @param pid1     what stands at PID 1 and in which PID namespace
 * @param confined what the container may use and write
 */
public record ContainerSpec(
        String image,
        Map<String, String> labels,
        Map<String, String> environment,
        List<String> command,
        Pid1 pid1,
        Confinement confined,
        List<Integer> ports) {

    /** In the shell line, the pause container's id, as the line's first command stored it. */
    private static final String PAUSE_ID = "\"$pause\"";

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=,@%+-]+");

    /**
     * @param engineInit   the engine's init in front (docker run --init)
     * @param pidNamespace the container's own, or its pod's
     * @param pause        the pod's pause container, exactly where the namespace has one
     */
    public record Pid1(boolean engineInit, PidNamespace pidNamespace, Optional<PauseSpec> pause) {

        public Pid1 {
            if (pause.isPresent() != pidNamespace.hasPause()) {
                throw new IllegalArgumentException(
                        pidNamespace.hasPause()
                                ? "a pod's cell needs its pause container's image"
                                : "a cell that is no pod's has no pause container");
            }
        }
    }

    /**
     * @param pidsLimit    the cgroup's pids limit
     * @param memoryBytes  its memory limit, swap none
     * @param tmpfs        what is mounted in memory (path to options)
     * @param readOnlyRoot whether the root file system is read-only
     */
    public record Confinement(long pidsLimit, long memoryBytes, Map<String, String> tmpfs, boolean readOnlyRoot) {}

    /** The cell's container; {@code pauseImage} is the pause's image, present exactly for a pod cell. */
    public static ContainerSpec of(Scenario scenario, String image, Optional<String> pauseImage, String runId) {
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
        return new ContainerSpec(
                image,
                new TreeMap<>(Labels.scenarioContainer(runId, scenario.id())),
                env,
                List.of(scenario.supervisor().command()),
                new Pid1(
                        scenario.reaper().injectedByEngine(),
                        scenario.reaper().pidNamespace(),
                        pauseImage.map(p -> PauseSpec.of(p, runId, scenario.id()))),
                new Confinement(
                        scenario.limits().pidsLimit(),
                        scenario.limits().memoryBytes(),
                        Map.of("/tmp", "rw,nosuid,size=64m"),
                        true),
                ports);
    }

    /** HostConfig's pidMode, given the started pause container's id: its namespace where the pod shares it. */
    public Optional<String> pidMode(Optional<String> pauseId) {
        if (!pid1.pidNamespace().joinsPause()) {
            return Optional.empty();
        }
        return Optional.of("container:"
                + pauseId.orElseThrow(() -> new IllegalStateException(
                        "a pod-shared cell joins its pause container's PID namespace: start that first")));
    }

    /** The container as a {@code docker run} command line, each port published on localhost; a pod's pause named by {@code pauseId}. */
    List<String> dockerRun(String pauseId) {
        List<String> args = new ArrayList<>(List.of("docker", "run", "-d"));
        labels.forEach((k, v) -> args.addAll(List.of("--label", k + "=" + v)));
        environment.forEach((k, v) -> args.addAll(List.of("--env", k + "=" + v)));
        if (pid1.engineInit()) {
            args.add("--init");
        }
        pidMode(Optional.of(pauseId)).ifPresent(mode -> args.addAll(List.of("--pid", mode)));
        args.addAll(List.of(
                "--pids-limit",
                Long.toString(confined.pidsLimit()),
                "--memory",
                confined.memoryBytes() + "b",
                "--memory-swap",
                confined.memoryBytes() + "b"));
        if (confined.readOnlyRoot()) {
            args.add("--read-only");
        }
        confined.tmpfs().forEach((path, options) -> args.addAll(List.of("--tmpfs", path + ":" + options)));
        ports.forEach(p -> args.addAll(List.of("--publish", "127.0.0.1::" + p)));
        args.add(image);
        args.addAll(command);
        return args;
    }

    /**
     * The cell as one shell command, which prints the id of the cell's container: its {@code docker run}, after
     * that of its pause container for a pod cell ({@code pause=$(docker run ...) && docker run ...}).
     */
    public String shellCommand() {
        String run = shell(dockerRun(PAUSE_ID));
        return pid1.pause()
                .map(p -> "pause=$(" + shell(p.dockerRun()) + ") && " + run)
                .orElse(run);
    }

    private static String shell(List<String> words) {
        return words.stream().map(ContainerSpec::quote).collect(Collectors.joining(" "));
    }

    /** Shell-quoted, only where needed; the pause's id is left for the shell to expand. */
    static String quote(String word) {
        if (word.endsWith(PAUSE_ID) || PLAIN.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
