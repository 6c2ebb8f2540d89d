package io.zombielab.run;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.HealthCheck;
import io.zombielab.image.ImageCatalog;
import io.zombielab.image.Labels;
import io.zombielab.observe.FamilyObservation;
import io.zombielab.observe.FamilyObservation.RunSample;
import io.zombielab.probe.Probe;
import io.zombielab.probe.ProbeChoice;
import io.zombielab.probe.ProcessInfo;
import io.zombielab.probe.ProcessTable;
import io.zombielab.probe.Snapshot;
import io.zombielab.scenario.FamilyCell;
import io.zombielab.scenario.FamilyVariant;
import io.zombielab.scenario.Measure;
import io.zombielab.scenario.Reaper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * Runs one family cell (issue 19): its door's image, a container held to every safety rule with the probe that
 * observes it, and the door's runs: a stop, probe runs, or jobs. The container and the probe's sidecar are
 * removed however the run ends.
 */
public final class FamilyRunner {

    private static final long PIDS_LIMIT = 256;
    private static final Duration POLL = Duration.ofMillis(20);
    /** How long a run's orphan (a 0.2 s sleep) may take to end before the run is an error. */
    private static final Duration ORPHAN_ENDS = Duration.ofSeconds(5);
    /** How long a browser cycle's helpers may take to end, once it answered, before the run is an error. */
    private static final Duration BROWSER_ENDS = Duration.ofSeconds(15);
    /** A browser cycle (launch, render, close) takes 1 to 2 s here; a loaded machine may take many times that. */
    private static final Duration CYCLE_ANSWERS = Duration.ofSeconds(90);
    /** The probe period of the exec-probe door: "ten probe runs at 1 s". */
    private static final Duration PROBE_PERIOD = Duration.ofSeconds(1);
    /** The probe a health check or exec probe runs: it backgrounds a child and returns (or times out). */
    static final String PROBE_COMMAND = "sleep 0.2 >/dev/null 2>&1 & exit 0";
    /** Killed at 0.5 s, it leaves its sleep behind (the "; true" keeps sh from exec-ing it), which ends at 0.7 s. */
    static final String HEALTH_COMMAND = "sleep 0.7; true";

    private final ImageCatalog images;
    private final String runId;
    private final ProbeChoice probeChoice;
    private final Consumer<String> progress;

    public FamilyRunner(ImageCatalog images, String runId, ProbeChoice probeChoice, Consumer<String> progress) {
        this.images = images;
        this.runId = runId;
        this.probeChoice = probeChoice;
        this.progress = progress;
    }

    /** The cell's container command: the variant's, behind tini (or tini -g) where that is the cell's reaper. */
    public static List<String> command(FamilyCell cell) {
        List<String> command = new ArrayList<>();
        if (cell.reaper() == Reaper.TINI) {
            command.addAll(List.of("/usr/bin/tini", "--"));
        } else if (cell.reaper() == Reaper.TINI_GROUP) {
            command.addAll(List.of("/usr/bin/tini", "-g", "--"));
        }
        command.addAll(cell.variant().command());
        return command;
    }

    /**
     * The cell's container as one {@code docker run} line, as the runner makes it: for {@code zombielab plan}.
     * What the door then does (a stop, probe runs, jobs) is the harness's.
     */
    public static String shellCommand(FamilyCell cell, String image, String runId) {
        List<String> args = new ArrayList<>(List.of("docker", "run", "-d"));
        new java.util.TreeMap<>(Labels.scenarioContainer(runId, cell.id()))
                .forEach((k, v) -> args.addAll(List.of("--label", k + "=" + v)));
        if (cell.reaper() == Reaper.DOCKER_INIT) {
            args.add("--init");
        }
        args.addAll(List.of(
                "--pids-limit",
                Long.toString(PIDS_LIMIT),
                "--memory",
                cell.door().memoryBytes() + "b",
                "--memory-swap",
                cell.door().memoryBytes() + "b",
                "--read-only",
                "--tmpfs",
                "/tmp:rw,nosuid,size=16m"));
        if (cell.variant() == FamilyVariant.HEALTHCHECK_NODE) {
            args.addAll(List.of(
                    "--health-cmd",
                    HEALTH_COMMAND,
                    "--health-interval",
                    "1s",
                    "--health-timeout",
                    "500ms",
                    "--health-retries",
                    "1000"));
        }
        cell.variant().port().ifPresent(p -> args.addAll(List.of("--publish", "127.0.0.1::" + p)));
        args.add(image);
        args.addAll(command(cell));
        return String.join(" ", args.stream().map(ContainerSpec::quote).toList());
    }

    public FamilyObservation run(FamilyCell cell) {
        long started = System.nanoTime();
        String image = images.forDoor(cell.door());
        try (GenericContainer<?> container = create(cell, image)) {
            container.start();
            ContainerSafety.require(container.getContainerInfo(), ContainerSafety.Kind.SCENARIO, "family cell " + cell);
            try (Probe probe = ContainerProbes.attach(container, probeChoice, runId, cell.id())) {
                Door run = new Door(cell, container, probe);
                run.go();
                return new FamilyObservation(
                        cell,
                        probe.mode(),
                        run.measured,
                        run.samples,
                        run.table,
                        run.logs(),
                        Duration.ofNanos(System.nanoTime() - started),
                        run.events);
            }
        }
    }

    private GenericContainer<?> create(FamilyCell cell, String image) {
        FamilyVariant v = cell.variant();
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image))
                .withImagePullPolicy(name -> false)
                .withLabels(Labels.scenarioContainer(runId, cell.id()))
                .withCommand(command(cell).toArray(String[]::new))
                .withTmpFs(Map.of("/tmp", "rw,nosuid,size=16m"))
                .waitingFor(
                        Wait.forLogMessage(".*" + readyLine(v) + ".*", 1).withStartupTimeout(Duration.ofSeconds(60)))
                .withCreateContainerCmdModifier(cmd -> {
                    cmd.getHostConfig()
                            .withReadonlyRootfs(true)
                            .withInit(cell.reaper() == Reaper.DOCKER_INIT)
                            .withPidsLimit(PIDS_LIMIT)
                            .withMemory(cell.door().memoryBytes())
                            .withMemorySwap(cell.door().memoryBytes());
                    if (v == FamilyVariant.HEALTHCHECK_NODE) {
                        // The engine runs it every second; each run outlives its 0.5 s timeout and is killed.
                        cmd.withHealthcheck(new HealthCheck()
                                .withTest(List.of("CMD-SHELL", HEALTH_COMMAND))
                                .withInterval(Duration.ofSeconds(1).toNanos())
                                .withTimeout(Duration.ofMillis(500).toNanos())
                                .withRetries(1000)
                                .withStartPeriod(0L));
                    }
                });
        v.port().ifPresent(container::addExposedPort);
        return container;
    }

    /** The line the variant prints once it is ready for the door's runs. */
    private static String readyLine(FamilyVariant v) {
        // By door: the variants of a door share their app, and so its line, but for the two doors whose variants
        // differ.
        return switch (v.door()) {
            case SHELL_ENTRYPOINT -> v == FamilyVariant.GATED_EXEC ? "entrypoint: waiting for the gate" : "app: up";
            case PACKAGE_MANAGERS -> "app: up";
            case EXEC_PROBE -> v == FamilyVariant.HEALTHCHECK_NODE ? "idle: up" : "supervisor-ready";
            case REDIS_NEIGHBOUR -> "supervisor-ready";
            case RUNTIME_PID1, EXIT_STATUS_THEFT, COMMAND_CONTEXT -> "jobs: up";
            case HEADLESS_CHROMIUM -> "browser: up";
        };
    }

    /** One cell's runs through its door, and what they measured. */
    private final class Door {
        private final FamilyCell cell;
        private final GenericContainer<?> container;
        private final Probe probe;
        private final DockerClient docker;
        private final Map<Measure, Double> measured = new EnumMap<>(Measure.class);
        private final List<RunSample> samples = new ArrayList<>();
        private final List<String> events = new ArrayList<>();
        private String table = "";

        Door(FamilyCell cell, GenericContainer<?> container, Probe probe) {
            this.cell = cell;
            this.container = container;
            this.probe = probe;
            this.docker = container.getDockerClient();
        }

        void go() {
            FamilyVariant v = cell.variant();
            switch (v.door()) {
                case SHELL_ENTRYPOINT -> {
                    if (v == FamilyVariant.GATED_EXEC) {
                        signalBeforeExec();
                    } else {
                        engineStop();
                    }
                }
                case PACKAGE_MANAGERS -> engineStop();
                case EXEC_PROBE -> {
                    if (v == FamilyVariant.HEALTHCHECK_NODE) {
                        healthChecks();
                    } else {
                        execProbes();
                    }
                }
                case RUNTIME_PID1 -> spawningJobs();
                case EXIT_STATUS_THEFT -> jobStatuses();
                case COMMAND_CONTEXT -> cancelledJobs();
                case HEADLESS_CHROMIUM -> browserCycles();
                case REDIS_NEIGHBOUR -> redisNeighbour();
            }
        }

        /** Stop/start cycles beside Redis until the first error or OOM kill: what came first, and what caused it. */
        private void redisNeighbour() {
            RedisNeighbourRun.Result r = new RedisNeighbourRun(cell, container, probe, progress).run();
            measured.putAll(r.measured());
            samples.addAll(r.samples());
            events.addAll(r.events());
            table = r.table();
        }

        /** docker stop with the cell's grace: how long it takes, the exit code, whether the app's handler ran. */
        private void engineStop() {
            sample(1, probe.snapshot());
            long t0 = System.nanoTime();
            docker.stopContainerCmd(container.getContainerId())
                    .withTimeout((int) cell.grace().toSeconds())
                    .exec();
            stopped(t0);
        }

        /**
         * SIGTERM while the entrypoint waits at its gate, then the gate opened: the signal lands before the exec,
         * exactly. What the engine's stop does after it: wait the grace, then SIGKILL.
         */
        private void signalBeforeExec() {
            sample(1, probe.snapshot());
            long t0 = System.nanoTime();
            docker.killContainerCmd(container.getContainerId())
                    .withSignal("TERM")
                    .exec(); // returns once sent
            try {
                var opened = container.execInContainer("touch", "/tmp/gate");
                progress.accept(
                        cell.id() + ": SIGTERM sent, then the gate opened (touch exited " + opened.getExitCode() + ")");
            } catch (Exception gone) {
                // The signal ended the container first (the fix): there is no gate left to open.
                progress.accept(cell.id() + ": SIGTERM sent; the gate could not be opened: " + gone.getMessage());
            }
            // The app the late exec starts serves until the engine's SIGKILL: seen up first, however slow this machine
            // is.
            await(Duration.ofSeconds(30), () -> !running() || logs().contains("app: up"));
            Duration left = cell.grace().minusNanos(System.nanoTime() - t0);
            boolean exited = await(left.isNegative() ? Duration.ZERO : left, () -> !running());
            if (!exited) {
                docker.killContainerCmd(container.getContainerId())
                        .withSignal("KILL")
                        .exec();
                await(Duration.ofSeconds(10), () -> !running());
            }
            stopped(t0);
        }

        private void stopped(long t0) {
            measured.put(Measure.STOP_SECONDS, (System.nanoTime() - t0) / 1e9);
            InspectContainerResponse.ContainerState state = docker.inspectContainerCmd(container.getContainerId())
                    .exec()
                    .getState();
            measured.put(Measure.EXIT_CODE, (double) state.getExitCodeLong());
            String logs = logs();
            measured.put(Measure.APP_STARTED, logs.contains("app: up") ? 1.0 : 0.0);
            measured.put(Measure.APP_GOT_SIGTERM, logs.contains("app: SIGTERM") ? 1.0 : 0.0);
            if (cell.door() == io.zombielab.scenario.Door.PACKAGE_MANAGERS) {
                // Only this door's app has a handler that takes time and says when it is done.
                measured.put(Measure.APP_SHUTDOWN_COMPLETE, logs.contains("app: shutdown complete") ? 1.0 : 0.0);
            }
        }

        /** Everything the container printed so far, read from the engine (the followed stream may lag). */
        private String logs() {
            return container.getLogs();
        }

        /** Ten (runs) docker execs at 1 s of a probe that backgrounds a child; after each, once the child ended. */
        private void execProbes() {
            for (int run = 1; run <= cell.runs(); run++) {
                long t0 = System.nanoTime();
                try {
                    var result = container.execInContainer("sh", "-c", PROBE_COMMAND);
                    if (result.getExitCode() != 0) {
                        throw new IllegalStateException(
                                "probe run " + run + " exited " + result.getExitCode() + ": " + result.getStderr());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted during probe run " + run, e);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                sample(run, settled("probe run " + run));
                untilPeriod(t0);
            }
            zombiesMeasured();
        }

        /**
         * The engine's own HEALTHCHECK, every second, each run timing out: after the k-th failure, the zombies.
         * The engine times the runs, so a sample may catch the next run's child mid-way: counts are bounds here.
         */
        private void healthChecks() {
            for (int run = 1; run <= cell.runs(); run++) {
                int k = run;
                if (!await(Duration.ofSeconds(15), () -> failingStreak() >= k)) {
                    throw new IllegalStateException("family cell " + cell + ": health check run " + k
                            + " did not fail within 15 s (failing streak " + failingStreak() + ")");
                }
                sample(run, probe.snapshot());
            }
            // Between two runs no probe's sleep is alive: the last run's orphan has ended (0.7 s after it started).
            await(Duration.ofSeconds(3), () -> probe.snapshot().processes().stream()
                    .noneMatch(p -> p.isAlive() && p.comm().equals("sleep")));
            Snapshot fewest = fewestZombies();
            table = ProcessTable.format(fewest);
            measured.put(Measure.ZOMBIES, (double) fewest.zombieCount());
            measured.put(Measure.ZOMBIES_PER_RUN, fewest.zombieCount() / (double) cell.runs());
        }

        /**
         * The look with the fewest zombies in a second of looks (the first with none ends it): a zombie an init is
         * about to reap is not counted; one no process will ever reap is, in every look.
         */
        private Snapshot fewestZombies() {
            Snapshot fewest = probe.snapshot();
            long until = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            while (System.nanoTime() < until && fewest.zombieCount() > 0) {
                pause();
                Snapshot look = probe.snapshot();
                if (look.zombieCount() < fewest.zombieCount()) {
                    fewest = look;
                }
            }
            return fewest;
        }

        /** Jobs over HTTP whose shell's child outlives it; after each, once that child ended. */
        private void spawningJobs() {
            for (int run = 1; run <= cell.runs(); run++) {
                String answer = job();
                if (!answer.startsWith("exit=0")) {
                    throw new IllegalStateException("job " + run + " answered '" + answer + "', not exit=0");
                }
                sample(run, settled("job " + run));
            }
            zombiesMeasured();
        }

        /** Jobs that exit 3, each asked for its status: how many the app reported wrong. */
        private void jobStatuses() {
            int wrong = 0;
            Map<String, Integer> answers = new java.util.TreeMap<>();
            for (int run = 1; run <= cell.runs(); run++) {
                String answer = job();
                answers.merge(answer, 1, Integer::sum);
                if (!answer.equals("exit=3")) {
                    wrong++;
                }
                sample(run, probe.snapshot());
            }
            measured.put(Measure.MISREPORTED, (double) wrong);
            zombiesMeasured();
            // What the app said of its jobs, each of which exited 3: the evidence beside the process table.
            table = "the app's answers for " + cell.runs() + " jobs that exited 3: " + answers + "\n" + table;
        }

        /**
         * Jobs cancelled after 300 ms: how long the app's wait took (its answer), and, looked at as soon as it
         * answered, the job's sleeps still alive (they live 5 s, so the count is exact).
         */
        private void cancelledJobs() {
            double longest = 0;
            long alive = 0;
            for (int run = 1; run <= cell.runs(); run++) {
                String answer = job();
                Snapshot after = probe.snapshot();
                if (!answer.startsWith("wait=")) {
                    throw new IllegalStateException("job " + run + " answered '" + answer + "', not wait=SECONDS");
                }
                longest = Math.max(longest, Double.parseDouble(answer.substring(5)));
                alive = Math.max(
                        alive,
                        after.processes().stream()
                                .filter(p -> p.isAlive() && p.comm().equals("sleep"))
                                .count());
                sample(run, after);
            }
            measured.put(Measure.WAIT_SECONDS, longest);
            measured.put(Measure.LIVE_ORPHANS, (double) alive);
        }

        /**
         * Cycles of the browser service: each launches Chromium, renders a page and closes it. After each, once
         * nothing the cycle started is alive any more (every live process was there before the first cycle) and
         * two looks agree: the zombies, and the cgroup's tasks, which count each zombie's PID.
         */
        private void browserCycles() {
            Set<ProcessInfo.ProcessKey> before = probe.snapshot().processes().stream()
                    .filter(ProcessInfo::isAlive)
                    .map(ProcessInfo::key)
                    .collect(Collectors.toSet());
            for (int run = 1; run <= cell.runs(); run++) {
                String answer = request("/cycle", CYCLE_ANSWERS);
                if (!answer.startsWith("closed")) {
                    throw new IllegalStateException("family cell " + cell + ": browser cycle " + run + " answered '"
                            + answer + "', not closed pid=...");
                }
                sample(
                        run,
                        settled("browser cycle " + run, BROWSER_ENDS, p -> p.isAlive() && !before.contains(p.key())));
            }
            // After the last cycle, the fewest zombies in a second of looks: an init's reap may lag on a loaded
            // machine.
            Snapshot last = fewestZombies();
            table = ProcessTable.format(last);
            measured.put(Measure.ZOMBIES, (double) last.zombieCount());
            measured.put(Measure.ZOMBIES_PER_RUN, last.zombieCount() / (double) cell.runs());
            pidsPerRunMeasured(last.cgroup().pids());
        }

        /**
         * The PIDs each run kept: the cgroup's tasks after the last run ({@code last}) less those after the first
         * run, per run between them (the first run also starts what the service keeps, its threads).
         */
        private void pidsPerRunMeasured(OptionalLong last) {
            OptionalLong first = samples.get(0).pids();
            if (cell.runs() >= 2 && first.isPresent() && last.isPresent()) {
                measured.put(Measure.PIDS_PER_RUN, (last.getAsLong() - first.getAsLong()) / (double) (cell.runs() - 1));
            }
            // else not measured (one run has no "between"; a probe that cannot read the cgroup): a cell expecting it
            // fails
        }

        private String job() {
            return request("/job", Duration.ofSeconds(20));
        }

        private String request(String path, Duration timeout) {
            URI uri = URI.create("http://" + container.getHost() + ":" + container.getMappedPort(8080) + path);
            try {
                return HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(uri).timeout(timeout).build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body()
                        .trim();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while asking " + uri, e);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("family cell " + cell + ": " + uri + " did not answer", e);
            }
        }

        /**
         * Once no run's child (a sleep) is alive any more, and two looks agree on the zombies: a reaper has had its
         * chance, and the count is the kernel's, exact.
         */
        private Snapshot settled(String what) {
            return settled(what, ORPHAN_ENDS, p -> p.isAlive() && p.comm().equals("sleep"));
        }

        /** Once no process the run started ({@code ofTheRun}) is alive and two looks agree on the zombies. */
        private Snapshot settled(String what, Duration atMost, Predicate<ProcessInfo> ofTheRun) {
            Snapshot[] seen = {probe.snapshot()};
            boolean settled = await(atMost, () -> {
                Snapshot before = seen[0];
                seen[0] = probe.snapshot();
                return seen[0].processes().stream().noneMatch(ofTheRun)
                        && seen[0].zombieCount() == before.zombieCount();
            });
            if (!settled) {
                throw new IllegalStateException("family cell " + cell + ": " + what + "'s processes still run after "
                        + atMost.toSeconds() + " s\n" + ProcessTable.format(seen[0]));
            }
            return seen[0];
        }

        private void zombiesMeasured() {
            Snapshot last = probe.snapshot();
            table = ProcessTable.format(last);
            measured.put(Measure.ZOMBIES, (double) last.zombieCount());
            measured.put(Measure.ZOMBIES_PER_RUN, last.zombieCount() / (double) cell.runs());
        }

        private void sample(int run, Snapshot s) {
            samples.add(new RunSample(run, (int) s.zombieCount(), s.cgroup().pids()));
            table = ProcessTable.format(s);
            progress.accept(cell.id() + ": run " + run + " of " + cell.runs() + ", " + s.zombieCount() + " zombies");
        }

        private long failingStreak() {
            var health = docker.inspectContainerCmd(container.getContainerId())
                    .exec()
                    .getState()
                    .getHealth();
            return health == null || health.getFailingStreak() == null ? 0 : health.getFailingStreak();
        }

        private boolean running() {
            return Boolean.TRUE.equals(docker.inspectContainerCmd(container.getContainerId())
                    .exec()
                    .getState()
                    .getRunning());
        }

        /** The probe's schedule: the next run starts a period after this one started. */
        private void untilPeriod(long t0) {
            long left = PROBE_PERIOD.toNanos() - (System.nanoTime() - t0);
            if (left > 0) {
                try {
                    Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Polls {@code condition} until it holds (true) or {@code atMost} has passed (false). */
    private static boolean await(Duration atMost, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            if (condition.get()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
