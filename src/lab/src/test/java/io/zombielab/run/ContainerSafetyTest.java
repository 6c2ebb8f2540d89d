package io.zombielab.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import io.zombielab.Settings;
import io.zombielab.engine.DockerEngine;
import io.zombielab.image.Labels;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The safety rules on the engine's own description of real containers. Every scenario, pause and promise
 * container of every run is checked the same way (ScenarioRunner, PodSandbox, PromiseRunner).
 */
@DisplayName("Container safety")
@Tag("container")
class ContainerSafetyTest {

    private static GenericContainer<?> container() {
        DockerEngine.client(Settings.fromEnvironment().engine());
        return new GenericContainer<>(DockerImageName.parse(System.getenv("ZOMBIELAB_BASE_IMAGE")))
                .withImagePullPolicy(name -> false)
                .withCommand("sleep", "infinity")
                .withLabels(Labels.scenarioContainer(System.getenv("ZOMBIELAB_RUN_ID"), "safety-test"));
    }

    @Test
    @DisplayName("a container made as the harness makes them keeps every rule")
    void harnessContainerIsSafe() {
        try (GenericContainer<?> c = container().withCreateContainerCmdModifier(cmd -> cmd.getHostConfig()
                .withReadonlyRootfs(true)
                .withPidsLimit(64L)
                .withMemory(64L << 20)
                .withMemorySwap(64L << 20))) {
            c.start();
            assertThat(ContainerSafety.violations(c.getContainerInfo(), ContainerSafety.Kind.SCENARIO))
                    .isEmpty();
        }
    }

    @Test
    @DisplayName(
            "privileged, with the Docker socket and an added capability, without limits: every broken rule is named")
    void unsafeContainerIsNamed() {
        // Created, never started: this sandbox refuses privileged containers, and inspect needs no start.
        var docker = DockerEngine.client(Settings.fromEnvironment().engine());
        String id = docker.createContainerCmd(System.getenv("ZOMBIELAB_BASE_IMAGE"))
                .withCmd("true")
                .withLabels(Labels.scenarioContainer(System.getenv("ZOMBIELAB_RUN_ID"), "safety-test"))
                .withHostConfig(HostConfig.newHostConfig()
                        .withPrivileged(true)
                        .withCapAdd(Capability.SYS_ADMIN)
                        .withBinds(Bind.parse("/var/run/docker.sock:/var/run/docker.sock")))
                .exec()
                .getId();
        try {
            var inspected = docker.inspectContainerCmd(id).exec();
            assertThat(ContainerSafety.violations(inspected, ContainerSafety.Kind.SCENARIO))
                    .contains(
                            "it is privileged",
                            "it has added capabilities [SYS_ADMIN]",
                            "it has no pids limit",
                            "it has no memory limit",
                            "its root file system (the fixtures) is writable")
                    .anySatisfy(v ->
                            assertThat(v).startsWith("it mounts host paths").contains("docker.sock"));
            assertThat(ContainerSafety.violations(inspected, ContainerSafety.Kind.PROMISE))
                    .noneMatch(v -> v.contains("root file system"));
            assertThat(ContainerSafety.violations(inspected, ContainerSafety.Kind.PAUSE))
                    .as("a pod's pause keeps every rule, a read-only root included")
                    .contains("it is privileged")
                    .anySatisfy(v -> assertThat(v).contains("root file system"));
        } finally {
            docker.removeContainerCmd(id).withForce(true).exec();
        }
    }
}
