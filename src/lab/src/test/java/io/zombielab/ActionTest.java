package io.zombielab;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
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
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The GitHub Action (action.yml, composite) as a runner runs it: each step's {@code run:} script with its
 * expressions substituted (the inputs, github.action_path), in bash as GitHub calls it ({@code bash --noprofile
 * --norc -eo pipefail}), from a clean workspace, as a user who is not root, with a built copy of this checkout
 * as the action's folder. It writes the JUnit XML, the job summary in Markdown and its outputs; its exit code is
 * the verdict's.
 */
@Tag("container")
@DisplayName("The GitHub Action (action.yml)")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActionTest {

    private static final Path ACTION = Path.of("action.yml");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{ *([a-z_.-]+) *}}");

    private TestUser user;
    private CheckoutCopy actionPath;
    private String withInit;
    private String withoutInit;

    @BeforeAll
    void anActionFolderAndTwoImages() {
        user = TestUser.nonRoot();
        Settings settings = Settings.fromEnvironment();
        actionPath = CheckoutCopy.of(settings.places().layout().root());
        user.own(actionPath.root());
        String base = settings.run().requireBaseImage();
        String id = Long.toString(ProcessHandle.current().pid());
        withInit = image("zombielab/test-action-tini:" + id, base, List.of("/usr/bin/tini", "--"));
        withoutInit = image("zombielab/test-action-sleep:" + id, base, List.of());
    }

    private static String image(String name, String base, List<String> entrypoint) {
        return new ImageFromDockerfile(name, false)
                .withDockerfileFromBuilder(b -> {
                    b.from(base).label("io.zombielab", "true");
                    if (!entrypoint.isEmpty()) {
                        b.entryPoint(entrypoint.toArray(String[]::new));
                    }
                    b.cmd("sleep", "infinity").build();
                })
                .get();
    }

    @AfterAll
    void removeThem() {
        DockerClient docker = DockerClientFactory.instance().client();
        for (String image : new String[] {withInit, withoutInit}) {
            if (image != null) {
                docker.removeImageCmd(image).withForce(true).exec();
            }
        }
        if (actionPath != null) {
            actionPath.close();
        }
        if (user != null) {
            user.close();
        }
    }

    /** What one run of the action's steps left: its exit, the workspace's files, the summary and the outputs. */
    record ActionRun(int exit, String log, String summary, String outputs, Path workspace) {}

    /**
     * Every step of action.yml, its expressions substituted, run one after the other as the runner does, with the
     * runner's folders (workspace, temp, summary, outputs) in {@code root}.
     */
    private ActionRun runAction(Path root, Map<String, String> with) throws IOException {
        {
            Path workspace = Files.createDirectories(root.resolve("workspace"));
            Path temp = Files.createDirectories(root.resolve("runner-temp"));
            Path summary = Files.createFile(root.resolve("step-summary.md"));
            Path outputs = Files.createFile(root.resolve("github-output"));
            user.own(root);
            Map<String, String> values = new HashMap<>();
            defaults().forEach((k, v) -> values.put("inputs." + k, v));
            with.forEach((k, v) -> values.put("inputs." + k, v));
            values.put("github.action_path", actionPath.root().toString());
            StringBuilder log = new StringBuilder();
            int exit = 0;
            for (Map<String, Object> step : steps()) {
                Path script = root.resolve("step-" + step.get("id") + ".sh");
                Files.writeString(script, substitute(step.get("run").toString(), values));
                user.own(script);
                Map<String, String> env = new HashMap<>(Map.of(
                        "GITHUB_ACTION_PATH",
                        actionPath.root().toString(),
                        "GITHUB_WORKSPACE",
                        workspace.toString(),
                        "GITHUB_STEP_SUMMARY",
                        summary.toString(),
                        "GITHUB_OUTPUT",
                        outputs.toString(),
                        "RUNNER_TEMP",
                        temp.toString(),
                        "CI",
                        "true",
                        "GITHUB_ACTIONS",
                        "true"));
                @SuppressWarnings("unchecked")
                Map<String, Object> stepEnv = (Map<String, Object>) step.getOrDefault("env", Map.of());
                stepEnv.forEach((k, v) -> env.put(k, substitute(String.valueOf(v), values)));
                assertThat(step.get("shell"))
                        .as("step " + step.get("id") + "'s shell")
                        .isEqualTo("bash");
                LauncherRun run = LauncherRun.of(
                        user.command(
                                workspace, env, "bash", "--noprofile", "--norc", "-eo", "pipefail", script.toString()),
                        Duration.ofMinutes(10));
                log.append(run.said());
                exit = run.exit();
                if (exit != 0) {
                    break;
                }
            }
            try (Stream<Path> left = Files.list(temp)) {
                assertThat(left).as("the runner's temp folder, after the steps").isEmpty();
            }
            return new ActionRun(exit, log.toString(), Files.readString(summary), Files.readString(outputs), workspace);
        }
    }

    /** ${{ name }} replaced by its value; one the action does not define fails the test, naming it. */
    private static String substitute(String text, Map<String, String> values) {
        Matcher m = EXPRESSION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            assertThat(value)
                    .as("action.yml uses ${{ " + m.group(1) + " }}, which is no input of it (nor github.action_path)")
                    .isNotNull();
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        assertThat(out.toString()).as("every expression substituted").doesNotContain("${{");
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> action() {
        try {
            return (Map<String, Object>)
                    new Load(LoadSettings.builder().build()).loadFromString(Files.readString(ACTION));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps() {
        Map<String, Object> runs = (Map<String, Object>) action().get("runs");
        assertThat(runs.get("using")).as("a composite action").isEqualTo("composite");
        return (List<Map<String, Object>>) runs.get("steps");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> defaults() {
        Map<String, String> defaults = new HashMap<>();
        ((Map<String, Map<String, Object>>) action().get("inputs"))
                .forEach((name, input) -> defaults.put(name, String.valueOf(input.getOrDefault("default", ""))));
        return defaults;
    }

    @Test
    @DisplayName(
            "with image (and latency-bound): an app with an init: the step passes, with its JUnit XML, a Markdown summary saying GOOD and verdict=GOOD")
    void aGoodImagePasses(@TempDir Path runner) throws IOException {
        // A bound this busy machine keeps (docker stop took 1.25 s here at a load of 27 on 2 cores; under the stop
        // timeout, 5 s): the verdict
        // judged is tini's reaping and stopping, not the machine's speed.
        ActionRun run = runAction(runner, Map.of("image", withInit, "name", "my-app", "latency-bound", "3s"));

        assertThat(run.exit())
                .as("the action's steps on %s\n%s", withInit, run.log())
                .isZero();
        assertThat(run.log()).contains("my-app", "reaps-orphans", "GOOD: 2 of 2 judged promises kept");
        Path junit = run.workspace().resolve("zombielab-validate.xml");
        assertThat(junit).as("the JUnit XML, in the workspace\n" + run.log()).isRegularFile();
        assertThat(Files.readString(junit)).contains("tests=\"2\"", "failures=\"0\"");
        assertThat(run.summary())
                .as("the job summary")
                .startsWith("### zombielab validate: `" + withInit + "`")
                .contains("**GOOD: 2 of 2 judged promises kept**", "```text", "reaps-orphans");
        assertThat(run.outputs()).contains("verdict=GOOD\n", "junit=" + junit + "\n");
    }

    @Test
    @DisplayName(
            "with image: an app with no init at PID 1: the step fails (exit 1), its summary and verdict say BROKEN, its JUnit XML has the failure")
    void aBrokenImageFailsTheStep(@TempDir Path runner) throws IOException {
        ActionRun run = runAction(runner, Map.of("image", withoutInit));

        assertThat(run.exit())
                .as("the action's steps on %s\n%s", withoutInit, run.log())
                .isEqualTo(1);
        assertThat(run.summary()).as("the job summary").contains("**BROKEN:").containsPattern("reaps-orphans +BROKEN");
        assertThat(run.outputs()).contains("verdict=BROKEN\n");
        assertThat(Files.readString(run.workspace().resolve("zombielab-validate.xml")))
                .contains("<failure");
    }
}
