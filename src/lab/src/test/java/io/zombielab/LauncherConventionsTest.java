package io.zombielab;

import static org.assertj.core.api.Assertions.assertThat;

import io.zombielab.report.ReportDocument;
import io.zombielab.report.ReportJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher as a user meets it: every command of the usage text answers --help and --version at once (no
 * engine, no build, in a fresh clone), and everything else goes to the CLI as it came, paths named from
 * wherever the user stands, through options the launcher knows nothing of.
 */
@Tag("container")
@DisplayName("The launcher's conventions")
class LauncherConventionsTest {

    /** No engine answers there: a run that asked for one would say so, or wait. */
    private static final String NO_ENGINE = "DOCKER_HOST=tcp://127.0.0.1:1";

    /** {@code launcher ARGS...} run from {@code from}, with a clean environment and {@code env} added. */
    private static LauncherRun launcher(List<String> env, Path launcher, Path from, String... args) {
        List<String> command = new ArrayList<>(List.of(
                "env",
                "-i",
                "HOME=" + System.getProperty("user.home"),
                "PATH=" + System.getenv("PATH"),
                "LANG=C.UTF-8"));
        command.addAll(env);
        command.add(launcher.toString());
        command.addAll(List.of(args));
        return LauncherRun.of(new ProcessBuilder(command).directory(from.toFile()), Duration.ofMinutes(3));
    }

    /** The commands docs/usage.txt lists (what `./zombielab` prints). */
    private static List<String> commandsOfTheUsageText(Path root) throws IOException {
        Matcher m = Pattern.compile("(?m)^  ([a-z][a-z-]*) ").matcher(Files.readString(root.resolve("docs/usage.txt")));
        List<String> commands = new ArrayList<>();
        while (m.find()) {
            commands.add(m.group(1));
        }
        return commands;
    }

    private static String version() {
        return "zombielab " + System.getProperty("zombielab.version") + "\n";
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("in a fresh clone (nothing built), with no engine")
    class FreshClone {

        private CheckoutCopy clone;

        @BeforeAll
        void cloneIt() {
            clone = CheckoutCopy.unbuilt(
                    Settings.fromEnvironment().places().layout().root());
        }

        @AfterAll
        void removeIt() {
            clone.close();
        }

        private LauncherRun run(String... args) {
            return launcher(List.of(NO_ENGINE), clone.root().resolve("zombielab"), clone.root(), args);
        }

        @Test
        @DisplayName(
                "every command of the usage text: -h and --help print its help (the CLI's own words), exit 0, nothing built")
        void helpOfEveryCommand() throws IOException {
            List<String> commands = commandsOfTheUsageText(clone.root());
            assertThat(commands)
                    .contains(
                            "reproduce",
                            "matrix",
                            "validate",
                            "plan",
                            "probes",
                            "flakes",
                            "speed",
                            "test",
                            "doctor",
                            "gc");
            for (String command : commands) {
                for (String flag : List.of("-h", "--help")) {
                    LauncherRun help = run(command, flag);
                    assertThat(help.exit())
                            .as(command + " " + flag + ": " + help.said())
                            .isZero();
                    assertThat(help.stdout())
                            .as(command + " " + flag)
                            .isEqualTo(Files.readString(clone.root().resolve("docs/help/" + command + ".txt")))
                            .startsWith("Usage: zombielab " + command + " [-hV]");
                    assertThat(help.stderr())
                            .as(command + " " + flag + ": no step, no build")
                            .isEmpty();
                }
            }
            // With other arguments around it, even wrong ones: help is answered first, as the CLI does.
            LauncherRun amid = run("validate", "--reaper", "no-such-init", "--help");
            assertThat(amid.exit()).as(amid.said()).isZero();
            assertThat(amid.stdout()).startsWith("Usage: zombielab validate");
            assertThat(clone.root().resolve("target")).as("nothing was built").doesNotExist();
        }

        @Test
        @DisplayName("--version, alone or after any command: the version the build will make, exit 0, nothing built")
        void versionOfEveryCommand() throws IOException {
            List<String> asked = new ArrayList<>(List.of("--version", "-V"));
            commandsOfTheUsageText(clone.root()).forEach(c -> asked.add(c + " --version"));
            for (String args : asked) {
                LauncherRun version = run(args.split(" "));
                assertThat(version.exit()).as(args + ": " + version.said()).isZero();
                assertThat(version.stdout()).as(args).isEqualTo(version());
                assertThat(version.took()).as(args + ": at once").isLessThan(Duration.ofSeconds(5));
            }
            assertThat(clone.root().resolve("target")).as("nothing was built").doesNotExist();
        }

        @Test
        @DisplayName(
                "--help and an unknown command, with no command: the usage text; 0 when asked for, 2 for a wrong one")
        void usage() throws IOException {
            LauncherRun help = run("--help");
            assertThat(help.exit()).as(help.said()).isZero();
            assertThat(help.stdout()).isEqualTo(Files.readString(clone.root().resolve("docs/usage.txt")));
            LauncherRun wrong = run("flake");
            assertThat(wrong.exit()).as(wrong.said()).isEqualTo(2);
            assertThat(wrong.stderr()).contains("unknown command 'flake'", "zombielab flakes [-hV]");
            assertThat(clone.root().resolve("target")).as("nothing was built").doesNotExist();
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("from a directory outside a built checkout")
    class FromElsewhere {

        private CheckoutCopy checkout;

        @BeforeAll
        void copyIt() {
            checkout =
                    CheckoutCopy.of(Settings.fromEnvironment().places().layout().root());
        }

        @AfterAll
        void removeIt() {
            checkout.close();
        }

        private LauncherRun run(Path from, String... args) {
            return launcher(List.of(), checkout.root().resolve("zombielab"), from, args);
        }

        @Test
        @DisplayName("--version: the build's, said by the CLI's build, exit 0")
        void builtVersion(@TempDir Path elsewhere) {
            LauncherRun version = run(elsewhere, "matrix", "--version");
            assertThat(version.exit()).as(version.said()).isZero();
            assertThat(version.stdout()).isEqualTo(version());
        }

        @Test
        @DisplayName("flakes with report files named from where the user stands: read there, not in zombielab's home")
        void relativeReportFiles(@TempDir Path elsewhere) throws IOException {
            ReportDocument empty = new ReportDocument(
                    "r",
                    "[test]",
                    "2026-12-01T00:00:00Z",
                    1.0,
                    0,
                    0,
                    true,
                    "host probe",
                    List.of(),
                    List.of(),
                    List.of());
            Files.createDirectories(elsewhere.resolve("runs"));
            Files.writeString(elsewhere.resolve("runs/1.json"), ReportJson.write(empty));
            Files.writeString(elsewhere.resolve("runs/2.json"), ReportJson.write(empty));
            LauncherRun flakes = run(elsewhere, "flakes", "runs/1.json", "runs/2.json");
            assertThat(flakes.exit()).as(flakes.said()).isZero();
            assertThat(flakes.stdout()).contains("2 runs");
            LauncherRun missing = run(elsewhere, "flakes", "runs/1.json", "runs/3.json");
            assertThat(missing.exit()).as(missing.said()).isEqualTo(2);
            assertThat(missing.stderr()).contains("cannot read " + elsewhere.resolve("runs/3.json"));
        }

        @Test
        @DisplayName(
                "path options the launcher never names (--scenarios, --junit): resolved from where the user stands")
        void pathOptionsNeedNoLauncherChange(@TempDir Path elsewhere) throws IOException {
            Files.copy(
                    Settings.fromEnvironment()
                            .places()
                            .layout()
                            .root()
                            .resolve("src/lab/src/test/resources/scenarios-malformed/three-problems.yaml"),
                    elsewhere.resolve("mine.yaml"));
            LauncherRun matrix = run(elsewhere, "matrix", "--scenarios", "mine.yaml");
            assertThat(matrix.exit()).as(matrix.said()).isEqualTo(2);
            assertThat(matrix.stderr())
                    .contains(elsewhere.resolve("mine.yaml") + ":3: scenarios[0].kill: unknown kill strategy");
            Files.writeString(elsewhere.resolve("plain"), "a file, not a folder");
            LauncherRun validate = run(elsewhere, "validate", "--reaper", "tini", "--junit", "plain/junit.xml");
            assertThat(validate.exit()).as(validate.said()).isEqualTo(2);
            assertThat(validate.stderr()).contains("--junit: cannot write " + elsewhere.resolve("plain/junit.xml"));
        }
    }
}
