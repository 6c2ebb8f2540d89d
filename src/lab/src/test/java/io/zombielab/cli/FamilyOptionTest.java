package io.zombielab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code --family NAME}: one scenario family's cells, in matrix and plan; a name there is none of is refused.
 * Tagged method by method: {@code plan} opens the lab (the launcher's Testcontainers settings), the refusals do not.
 */
class FamilyOptionTest {

    private final Console console = new Console();

    @Test
    @Tag("container")
    @DisplayName(
            "plan --family NAME prints that family's cells, each its container's docker run line, and no other cell")
    void planPrintsTheFamilysCells() {
        assertThat(console.run("plan", "--family", "shell-entrypoint"))
                .as(console.err())
                .isEqualTo(ExitCode.OK);
        List<String> lines = console.out().lines().toList();
        assertThat(lines)
                .extracting(l -> l.split("\t")[0])
                .containsExactly(
                        "shell-entrypoint/no-exec/none",
                        "shell-entrypoint/exec/none",
                        "shell-entrypoint/gated-exec/none",
                        "shell-entrypoint/gated-exec/tini",
                        "shell-entrypoint/gated-exec/docker-init");
        assertThat(lines.get(3))
                .contains(
                        "docker run -d",
                        "--read-only",
                        "zombielab/family-shell-entrypoint:",
                        "/usr/bin/tini -- /opt/zombielab/families/entrypoint.sh gated-exec");
        assertThat(lines.get(4)).contains("--init");
    }

    @Test
    @Tag("unit")
    @DisplayName("an unknown family: exit 2, naming the families there are; nothing run")
    void unknownFamily() {
        assertThat(console.run("matrix", "--family", "shell")).isEqualTo(ExitCode.USAGE);
        assertThat(console.err())
                .contains(
                        "--family: no scenario family 'shell' (known: [command-context, exec-probe, exit-status-theft, "
                                + "headless-chromium, package-managers, redis-neighbour, runtime-pid1, shell-entrypoint])",
                        "nothing was run.");
    }

    @Test
    @Tag("unit")
    @DisplayName("--family with scenario files: exit 2, it runs the family alone")
    void familyAndFiles() {
        assertThat(console.run("matrix", "--family", "exec-probe", "scenarios/story.yaml"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(console.err())
                .contains("--family exec-probe runs that family's cells: give no scenario file with it");
    }
}
