package io.zombielab.scenario;

import java.util.List;
import java.util.Optional;

/**
 * What runs in a family cell's container, behind its door: the app at PID 1 (or under the cell's reaper) and
 * how the door is exercised. The image of the door holds every variant (fixtures/families/DOOR/).
 */
public enum FamilyVariant {
    /** entrypoint.sh prepares, then starts node without exec: sh stays PID 1. */
    NO_EXEC(Door.SHELL_ENTRYPOINT, "no-exec", List.of("/opt/zombielab/families/entrypoint.sh", "no-exec")),
    /** The same script ending in {@code exec node ...}: node is PID 1 and gets docker stop's SIGTERM. */
    EXEC(Door.SHELL_ENTRYPOINT, "exec", List.of("/opt/zombielab/families/entrypoint.sh", "exec")),
    /**
     * The script waits for a gate (/tmp/gate) before it execs node; the harness sends SIGTERM, then opens the
     * gate: the signal lands exactly in the window before the exec (livekit/egress#1384).
     */
    GATED_EXEC(Door.SHELL_ENTRYPOINT, "gated-exec", List.of("/opt/zombielab/families/entrypoint.sh", "gated-exec")),
    /** The Go supervisor at PID 1, idle; the harness docker-execs a probe that backgrounds a child and returns. */
    EXEC_PROBE_GO(Door.EXEC_PROBE, "exec-probe-go", List.of("/opt/zombielab/bin/supervisor-go")),
    /** node at PID 1 with a Docker HEALTHCHECK that backgrounds a child and times out every run. */
    HEALTHCHECK_NODE(Door.EXEC_PROBE, "healthcheck-node", List.of("node", "/opt/zombielab/families/idle.js")),
    /** python3 at PID 1: an HTTP service whose every job is subprocess.run of a shell whose child forks. */
    PYTHON_SUBPROCESS(Door.RUNTIME_PID1, "python-subprocess", List.of("python3", "/opt/zombielab/families/jobs.py")),
    /** A JVM at PID 1: the same service with ProcessBuilder. */
    JVM_PROCESSBUILDER(
            Door.RUNTIME_PID1,
            "jvm-processbuilder",
            List.of("java", "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", "/opt/zombielab/families/java", "Jobs")),
    /** A Go service with go-reaper's pattern: a goroutine calls Wait4(-1) on SIGCHLD while cmd.Run waits. */
    GO_REAPER(Door.EXIT_STATUS_THEFT, "go-reaper", List.of("/opt/zombielab/families/theft-go", "reaper")),
    /** The same with the fix coder/coder#22866 made: the job holds a lock the reaper needs, until its Wait returned. */
    GO_REAPER_LOCKED(Door.EXIT_STATUS_THEFT, "go-reaper-locked", List.of("/opt/zombielab/families/theft-go", "locked")),
    /** A JVM service whose reaper thread calls waitpid(-1) while Process.waitFor waits. */
    JDK_WAITPID_ANY(
            Door.EXIT_STATUS_THEFT,
            "jdk-waitpid-any",
            List.of(
                    "java",
                    "-XX:TieredStopAtLevel=1",
                    "-cp",
                    "/opt/zombielab/families/java:/usr/share/java/jna.jar",
                    "Theft",
                    "any")),
    /** The fix the Java reaper of fixtures/reaper-java makes: reap by pid, only zombies that are not the JDK's children. */
    JDK_REAP_ADOPTED(
            Door.EXIT_STATUS_THEFT,
            "jdk-reap-adopted",
            List.of(
                    "java",
                    "-XX:TieredStopAtLevel=1",
                    "-cp",
                    "/opt/zombielab/families/java:/usr/share/java/jna.jar",
                    "Theft",
                    "adopted")),
    /** exec.CommandContext with captured output, cancelled after 300 ms: Wait waits for the grandchildren. */
    CONTEXT_PLAIN(Door.COMMAND_CONTEXT, "plain", List.of("/opt/zombielab/families/ctxjob", "plain")),
    /** The same with Setpgid and a SIGKILL to the group on cancel: Wait returns, nothing lives on. */
    CONTEXT_SETPGID(Door.COMMAND_CONTEXT, "setpgid", List.of("/opt/zombielab/families/ctxjob", "setpgid")),
    /** Cmd.WaitDelay's effect (Go 1.20+, implemented in the fixture for Go 1.19): Wait returns, the children live on. */
    CONTEXT_WAITDELAY(Door.COMMAND_CONTEXT, "waitdelay", List.of("/opt/zombielab/families/ctxjob", "waitdelay")),
    /** Debian's npm 9.2.0 (the base image's, /usr/bin/npm): {@code npm run start}, the script {@code node app.js}. */
    NPM_9_2_0(Door.PACKAGE_MANAGERS, "npm-9.2.0", PackageManagers.npm("/usr/bin/npm", "start")),
    /** npm 9.6.6, the last release before npm/cli#6547's range. */
    NPM_9_6_6(
            Door.PACKAGE_MANAGERS,
            "npm-9.6.6",
            PackageManagers.npm(PackageManagers.pinned("npm-9.6.6", "npm"), "start")),
    /** npm 9.6.7, the first release in npm/cli#6547's range ("npm >= 9.6.7 does not pass signals"). */
    NPM_9_6_7(
            Door.PACKAGE_MANAGERS,
            "npm-9.6.7",
            PackageManagers.npm(PackageManagers.pinned("npm-9.6.7", "npm"), "start")),
    /** npm 10.2.5, the last release in the range. */
    NPM_10_2_5(
            Door.PACKAGE_MANAGERS,
            "npm-10.2.5",
            PackageManagers.npm(PackageManagers.pinned("npm-10.2.5", "npm"), "start")),
    /** npm 10.3.0, the first release after the fix (@npmcli/run-script 7.0.3). */
    NPM_10_3_0(
            Door.PACKAGE_MANAGERS,
            "npm-10.3.0",
            PackageManagers.npm(PackageManagers.pinned("npm-10.3.0", "npm"), "start")),
    /** yarn classic 1.22.22: {@code yarn start}. */
    YARN_1_22_22(Door.PACKAGE_MANAGERS, "yarn-1.22.22", PackageManagers.yarn("start")),
    /** pnpm 5.2.6, the version pnpm/pnpm#2653 reports: {@code pnpm start}. */
    PNPM_5_2_6(Door.PACKAGE_MANAGERS, "pnpm-5.2.6", PackageManagers.pnpm("pnpm-5.2.6", "start")),
    /** pnpm 10.34.8 (pnpm 10 runs on Node 18; pnpm 11 needs Node 22.13): {@code pnpm start}. */
    PNPM_10_34_8(Door.PACKAGE_MANAGERS, "pnpm-10.34.8", PackageManagers.pnpm("pnpm-10.34.8", "start")),
    /** Debian's npm 9.2.0 with the script {@code exec node app.js}: no sh stays between npm and the app. */
    NPM_9_2_0_EXEC(Door.PACKAGE_MANAGERS, "npm-9.2.0-exec", PackageManagers.npm("/usr/bin/npm", "start-exec")),
    /** npm 9.6.7 with the script's exec. */
    NPM_9_6_7_EXEC(
            Door.PACKAGE_MANAGERS,
            "npm-9.6.7-exec",
            PackageManagers.npm(PackageManagers.pinned("npm-9.6.7", "npm"), "start-exec")),
    /** npm 10.3.0 with the script's exec. */
    NPM_10_3_0_EXEC(
            Door.PACKAGE_MANAGERS,
            "npm-10.3.0-exec",
            PackageManagers.npm(PackageManagers.pinned("npm-10.3.0", "npm"), "start-exec")),
    /** yarn 1.22.22 with the script's exec. */
    YARN_1_22_22_EXEC(Door.PACKAGE_MANAGERS, "yarn-1.22.22-exec", PackageManagers.yarn("start-exec")),
    /** pnpm 10.34.8 with the script's exec. */
    PNPM_10_34_8_EXEC(Door.PACKAGE_MANAGERS, "pnpm-10.34.8-exec", PackageManagers.pnpm("pnpm-10.34.8", "start-exec")),
    /** No package manager: node runs the app as PID 1 ({@code CMD ["node", "app.js"]}). */
    NODE_DIRECT(Door.PACKAGE_MANAGERS, "node", List.of("node", PackageManagers.APP + "/app.js")),
    /** node with puppeteer-core: per cycle, Debian's headless Chromium launched, a page rendered, the browser closed. */
    CHROMIUM_LAUNCH_CLOSE(
            Door.HEADLESS_CHROMIUM,
            "launch-close",
            List.of("node", "/opt/zombielab/families/browse.js", "launch-close")),
    /** The same with {@code --no-zygote}, the workaround puppeteer/puppeteer#1825's thread passes around. */
    CHROMIUM_NO_ZYGOTE(
            Door.HEADLESS_CHROMIUM, "no-zygote", List.of("node", "/opt/zombielab/families/browse.js", "no-zygote")),
    /**
     * Stage 1 (PID kill) beside a Redis holding a 256 MiB cache: Redis is the container's largest process,
     * larger than any one orphan (a chain level holds about 140 MiB).
     */
    REDIS_PID_KILL_CACHED(
            Door.REDIS_NEIGHBOUR,
            "pid-kill-cached-redis",
            List.of("/opt/zombielab/families/neighbour.sh", "pid-kill", "256")),
    /** Stage 1 beside an empty Redis (Debian's, as installed): every orphan is larger than Redis. */
    REDIS_PID_KILL_EMPTY(
            Door.REDIS_NEIGHBOUR,
            "pid-kill-empty-redis",
            List.of("/opt/zombielab/families/neighbour.sh", "pid-kill", "0")),
    /** The story's fixes: the group kill (stage 2's code; stage 3 once tini is PID 1), beside the cached Redis. */
    REDIS_GROUP_KILL_CACHED(
            Door.REDIS_NEIGHBOUR,
            "group-kill-cached-redis",
            List.of("/opt/zombielab/families/neighbour.sh", "pgid-term", "256"));

    private final Door door;
    private final String id;
    private final List<String> command;

    FamilyVariant(Door door, String id, List<String> command) {
        this.door = door;
        this.id = id;
        this.command = command;
    }

    public Door door() {
        return door;
    }

    public String id() {
        return id;
    }

    /** Its command line in the door's image, before the reaper's prefix. */
    public List<String> command() {
        return command;
    }

    /** The container port its service listens on (the jobs doors; the supervisor's control port), if any. */
    public Optional<Integer> port() {
        if (door == Door.REDIS_NEIGHBOUR) {
            return Optional.of(7070);
        }
        return door == Door.RUNTIME_PID1
                        || door == Door.EXIT_STATUS_THEFT
                        || door == Door.COMMAND_CONTEXT
                        || door == Door.HEADLESS_CHROMIUM
                ? Optional.of(8080)
                : Optional.empty();
    }

    /** Whether its supervisor stops a chain by its process group (the story's fix) rather than by npm's PID. */
    public boolean killsGroup() {
        return this == REDIS_GROUP_KILL_CACHED;
    }

    /** The variant of {@code door} with this id; else an error naming the door's variants. */
    public static FamilyVariant of(Door door, String id) {
        return Ids.byId(door.variants(), FamilyVariant::id, id, "variant of door '" + door.id() + "'");
    }

    /**
     * The package-managers door's command lines: each manager runs a script of the app's package.json
     * (fixtures/families/package-managers/) from its own pinned prefix (dockerfiles/family-package-managers.Dockerfile).
     */
    private static final class PackageManagers {
        static final String APP = "/opt/zombielab/families";

        static String pinned(String prefix, String bin) {
            return "/opt/zombielab/pm/" + prefix + "/bin/" + bin;
        }

        static List<String> npm(String npm, String script) {
            return List.of(npm, "--prefix", APP, "run", script);
        }

        static List<String> yarn(String script) {
            return List.of(pinned("yarn-1.22.22", "yarn"), "--cwd", APP, script);
        }

        static List<String> pnpm(String prefix, String script) {
            return List.of(pinned(prefix, "pnpm"), "--dir", APP, script);
        }
    }
}
