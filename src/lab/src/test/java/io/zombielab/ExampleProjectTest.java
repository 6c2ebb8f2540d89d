package io.zombielab;

import static org.assertj.core.api.Assertions.assertThat;

import io.zombielab.testing.TempTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * zombielab as a library, where users have it: a Maven project of their own, outside this checkout, that has
 * only zombielab-junit's coordinates (installed by this build) and Docker. examples/user-project is copied
 * out and built with a clean environment: no ZOMBIELAB_* variable, no launcher. Its suite checks a tini image
 * (passes), `sleep` as PID 1 (fails, asserted through JUnit's test kit), its job service's two bugs of the
 * story (caught) and the fix (passes), and the extension's misuse messages.
 */
@DisplayName("A user's own project, with only zombielab-junit's coordinates")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("container")
class ExampleProjectTest {

    private static final String VERSION = System.getProperty("zombielab.version");
    /**
     * What a user sets on a machine like this one, not zombielab: no registry for Ryuk's image, and tests
     * that run inside a container themselves (docs/library.md, "Testcontainers settings").
     */
    private static final Map<String, String> OFFLINE_MACHINE =
            Map.of("TESTCONTAINERS_RYUK_DISABLED", "true", "TESTCONTAINERS_HOST_OVERRIDE", "localhost");

    private Path project;

    @BeforeAll
    void copyItOutOfTheCheckout() throws IOException {
        assertThat(VERSION).as("zombielab.version (set by the build)").isNotBlank();
        project = Files.createTempDirectory("zombielab-user-project-");
        Path from = Settings.fromEnvironment().places().layout().root().resolve("examples/user-project");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile)
                    .filter(f -> !from.relativize(f).startsWith("target"))
                    .toList()) {
                Path to = project.resolve(from.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    @AfterAll
    void removeTheCopy() {
        TempTree.delete(project);
    }

    private LauncherRun maven(String... args) {
        List<String> command = new ArrayList<>(List.of(
                "env",
                "-i",
                "HOME=" + System.getProperty("user.home"),
                "PATH=" + System.getenv("PATH"),
                "LANG=C.UTF-8"));
        OFFLINE_MACHINE.forEach((k, v) -> command.add(k + "=" + v));
        command.addAll(List.of("mvn", "-B", "-ntp", "-Dstyle.color=never", "-Dzombielab.version=" + VERSION));
        command.addAll(List.of(args));
        return LauncherRun.of(new ProcessBuilder(command).directory(project.toFile()), Duration.ofMinutes(10));
    }

    @Test
    @DisplayName(
            "its suite passes: tini reaps and stops gracefully, sleep does neither, the story's bugs are caught, the fix passes")
    void itsSuitePasses() throws IOException {
        LauncherRun run = maven("test", "-Dexample.base.image=" + System.getenv("ZOMBIELAB_BASE_IMAGE"));

        assertThat(run.exit()).as(run.said()).isZero();
        Map<String, int[]> results = surefire(project.resolve("target/surefire-reports"));
        assertThat(results)
                .as(run.stdout())
                .containsOnlyKeys(
                        "com.example.jobs.PidOneTest",
                        "com.example.jobs.JobServiceTest",
                        "com.example.jobs.MisuseTest");
        results.forEach((suite, counts) -> assertThat(counts)
                .as(suite + ": tests, failures, errors, skipped")
                .containsExactly(3, 0, 0, 0));
    }

    @Test
    @DisplayName("zombielab-junit brings no logging binding and nothing only the lab needs")
    void dependencyTree() throws IOException {
        Path tree = project.resolve("target/tree.txt");
        LauncherRun run = maven(
                "dependency:tree",
                "-Dincludes=io.zombielab,org.slf4j,ch.qos.logback,org.apache.logging.log4j,"
                        + "org.snakeyaml,org.yaml,org.awaitility,io.qameta.allure",
                "-DoutputFile=" + tree);

        assertThat(run.exit()).as(run.said()).isZero();
        String text = Files.readString(tree);
        assertThat(text)
                .as(text)
                .contains(
                        "io.zombielab:zombielab-junit:jar:" + VERSION + ":test",
                        "io.zombielab:zombielab-probe:jar:" + VERSION + ":test",
                        "org.slf4j:slf4j-api");
        // The one binding in the tree is the example's own (its pom declares slf4j-simple), not zombielab's.
        assertThat(text.lines().filter(l -> l.contains("slf4j-simple")))
                .singleElement()
                .asString()
                .matches("[+\\\\]- .*");
        assertThat(text).doesNotContain("logback", "log4j", "slf4j-jdk", "snakeyaml", "awaitility", "allure");
    }

    /** tests, failures, errors, skipped, by suite, from the JUnit XML a Maven run wrote. */
    private static Map<String, int[]> surefire(Path reports) throws IOException {
        Map<String, int[]> results = new java.util.TreeMap<>();
        Pattern suite = Pattern.compile("<testsuite [^>]*name=\"([^\"]+)\"[^>]*");
        try (Stream<Path> files = Files.list(reports)) {
            for (Path xml : files.filter(f -> f.getFileName().toString().startsWith("TEST-"))
                    .toList()) {
                Matcher m = suite.matcher(Files.readString(xml));
                if (m.find()) {
                    String tag = m.group(0);
                    results.put(m.group(1), new int[] {
                        attr(tag, "tests"), attr(tag, "failures"), attr(tag, "errors"), attr(tag, "skipped")
                    });
                }
            }
        }
        return results;
    }

    private static int attr(String tag, String name) {
        Matcher m = Pattern.compile(" " + name + "=\"(\\d+)\"").matcher(tag);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }
}
