package io.zombielab;

import io.zombielab.engine.EngineSettings;
import io.zombielab.image.ImageCatalog;
import io.zombielab.image.ProjectLayout;
import io.zombielab.probe.ProbeChoice;
import io.zombielab.report.ReportFolder;
import io.zombielab.scenario.ReaperFilter;
import io.zombielab.scenario.Shard;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Every setting zombielab takes from its environment, read in one place ({@link #of}) at the edge (the CLI;
 * a test class) and passed down: the types that use them take values, never variables. The names and meanings
 * are the documented ones. (ZOMBIELAB_PARALLEL is picocli's: the default of {@code --parallel}.)
 *
 * @param places where zombielab's files are, where the user stands, where reports go
 * @param engine how to reach the engine
 * @param run what a run is called, which probe and base image it uses
 * @param selection which cells a matrix takes, when no option says
 * @param fleet how validate reads a fleet's deployment files and which part of the fleet it takes, when no option says
 */
public record Settings(Places places, EngineSettings engine, Run run, Selection selection, Fleet fleet) {

    /** The system property naming zombielab's home (fixtures/, dockerfiles/, scenarios/): the launcher sets it. */
    public static final String HOME = "zombielab.home";
    /** The system property naming the directory the user called zombielab from: the launcher sets it. */
    public static final String CALLER_DIRECTORY = "zombielab.caller.dir";
    /** The system property naming where reports go (default: target/zombielab-report under the home). */
    public static final String REPORT_DIRECTORY = "zombielab.report.dir";

    /**
     * @param home zombielab's home: -Dzombielab.home, else the working directory
     * @param callerDirectory where the user stands: -Dzombielab.caller.dir, else the working directory
     * @param reportDirectory -Dzombielab.report.dir, relative to the caller's directory, when set
     */
    public record Places(Path home, Path callerDirectory, Optional<Path> reportDirectory) {

        public ProjectLayout layout() {
            return new ProjectLayout(home);
        }

        /** Where a run's reports go: -Dzombielab.report.dir, else target/zombielab-report in the home. */
        public ReportFolder reports() {
            return new ReportFolder(
                    reportDirectory.orElseGet(() -> home.resolve("target").resolve("zombielab-report")));
        }
    }

    /**
     * @param id ZOMBIELAB_RUN_ID, the label on every container of the run (the launcher sets it)
     * @param probe ZOMBIELAB_PROBE: auto (or unset), host or universal
     * @param baseImage ZOMBIELAB_BASE_IMAGE, the base image the launcher made; else the tag a release archive records
     * @param extraCaCertificates NODE_EXTRA_CA_CERTS, the authorities image builds trust besides the system's
     */
    public record Run(
            Optional<String> id,
            Optional<String> probe,
            Optional<String> baseImage,
            Optional<Path> extraCaCertificates) {

        /** ZOMBIELAB_PROBE's choice; anything but auto, host or universal is refused, naming the variable. */
        public ProbeChoice probeChoice() {
            return ProbeChoice.parse(probe.orElse(null), PROBE);
        }

        /** The base image; without one, an error saying the launcher makes it. */
        public String requireBaseImage() {
            return baseImage
                    .map(String::trim)
                    .filter(b -> !b.isEmpty())
                    .orElseThrow(
                            () -> new ImageCatalog.ImageBuildException(
                                    "ZOMBIELAB_BASE_IMAGE is not set: run through ./zombielab, which builds the base image and sets it"));
        }
    }

    /**
     * @param reapers ZOMBIELAB_REAPERS, reaper ids separated by commas (CI's job per reaper)
     * @param shard ZOMBIELAB_SHARD, K/N (CI's parallel jobs)
     */
    public record Selection(Optional<String> reapers, Optional<String> shard) {

        /** The reapers named, or all; a name that is no reaper is an error naming the variable. */
        public ReaperFilter reaperFilter() {
            return ReaperFilter.parse(reapers.orElse(null), REAPERS + "=" + reapers.orElse(null));
        }

        /** The shard named, or all of the cells. */
        public Shard shardOf() {
            return Shard.parse(shard.orElse(null), SHARD);
        }
    }

    /**
     * @param composeProfiles COMPOSE_PROFILES, the Compose profiles enabled (as docker compose reads it: names
     *                        separated by commas)
     * @param shard ZOMBIELAB_FLEET_SHARD, K/N (a fleet's parallel CI jobs; not ZOMBIELAB_SHARD, which splits
     *              zombielab's own suite)
     * @param environment the caller's environment, for a Compose file's {@code ${VAR}} and its bare
     *                    {@code environment} keys, which take the caller's value as Compose does
     */
    public record Fleet(List<String> composeProfiles, Optional<String> shard, Map<String, String> environment) {

        public Fleet {
            composeProfiles = List.copyOf(composeProfiles);
            environment = Map.copyOf(environment);
        }

        /** The fleet shard named, or all of the images; a wrong one is an error naming the variable. */
        public Shard shardOf() {
            return Shard.parse(shard.orElse(null), FLEET_SHARD);
        }

        /** Names the variables only: the values may be credentials. */
        @Override
        public String toString() {
            return "Fleet[composeProfiles=" + composeProfiles + ", shard=" + shard + ", environment="
                    + environment.size() + " variables]";
        }

        static Fleet of(Map<String, String> env) {
            String profiles = env.get(COMPOSE_PROFILES);
            List<String> names = profiles == null
                    ? List.of()
                    : Arrays.stream(profiles.split(","))
                            .map(String::trim)
                            .filter(p -> !p.isEmpty())
                            .toList();
            return new Fleet(names, Optional.ofNullable(env.get(FLEET_SHARD)), env);
        }
    }

    /** The variable that forces a probe. */
    public static final String PROBE = "ZOMBIELAB_PROBE";
    /** The variable that keeps some reapers' cells. */
    public static final String REAPERS = "ZOMBIELAB_REAPERS";
    /** The variable that takes one of N parts of the cells. */
    public static final String SHARD = "ZOMBIELAB_SHARD";
    /** The variable that takes one of N parts of a fleet's images. */
    public static final String FLEET_SHARD = "ZOMBIELAB_FLEET_SHARD";
    /** Compose's own variable of the profiles enabled. */
    public static final String COMPOSE_PROFILES = "COMPOSE_PROFILES";

    /** The settings this JVM was started with: its environment and system properties. */
    public static Settings fromEnvironment() {
        return of(System.getenv(), System.getProperties());
    }

    /** The settings {@code env} and {@code properties} give, each variable under its documented name. */
    public static Settings of(Map<String, String> env, Properties properties) {
        Path workingDirectory = Path.of(properties.getProperty("user.dir", ".")).toAbsolutePath();
        Path caller = workingDirectory
                .resolve(properties.getProperty(CALLER_DIRECTORY, "."))
                .normalize();
        Path home = workingDirectory.resolve(properties.getProperty(HOME, ".")).normalize();
        Optional<Path> reports =
                Optional.ofNullable(properties.getProperty(REPORT_DIRECTORY)).map(caller::resolve);
        EngineSettings engine = new EngineSettings(
                Optional.ofNullable(env.get("DOCKER_HOST")),
                "true".equalsIgnoreCase(env.get("TESTCONTAINERS_RYUK_DISABLED")),
                // -Dapi.version, docker-java's own, wins.
                Optional.ofNullable(env.get("ZOMBIELAB_DOCKER_API_VERSION"))
                        .filter(v -> properties.getProperty("api.version") == null));
        Run run = new Run(
                Optional.ofNullable(env.get("ZOMBIELAB_RUN_ID")),
                Optional.ofNullable(env.get(PROBE)),
                Optional.ofNullable(env.get("ZOMBIELAB_BASE_IMAGE")).or(() -> ProjectLayout.recordedBaseImage(home)),
                Optional.ofNullable(env.get("NODE_EXTRA_CA_CERTS")).map(Path::of));
        return new Settings(
                new Places(home, caller, reports),
                engine,
                run,
                new Selection(Optional.ofNullable(env.get(REAPERS)), Optional.ofNullable(env.get(SHARD))),
                Fleet.of(env));
    }
}
