package io.zombielab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The scenario family files (issue 19): the checkout's load, each with its guarded pair; bad ones say where. */
@Tag("unit")
class FamilyFilesTest {

    private static final String GOOD_FAMILY = """
            family: {door: shell-entrypoint, title: t, upstream: [a/b#1], broke: b, fix: f}
            cells:
              - {name: bug, role: bug, variant: no-exec, expect: {exit-code: 137}}
              - {name: fix, role: fix, variant: exec, expect: {exit-code: 0}}
            """;

    static List<Path> checkoutFamilies() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("scenarios/families"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    @DisplayName(
            "every family of scenarios/families loads, with bug and fix cells and exactly one guarded bug and fix cell")
    void checkoutFamiliesLoad() throws IOException {
        List<Family> families = FamilyFiles.load(checkoutFamilies());
        assertThat(families)
                .extracting(Family::id)
                .containsExactly(
                        "command-context",
                        "exec-probe",
                        "exit-status-theft",
                        "headless-chromium",
                        "package-managers",
                        "redis-neighbour",
                        "runtime-pid1",
                        "shell-entrypoint");
        for (Family f : families) {
            assertThat(f.cells().stream()
                            .filter(FamilyCell::guard)
                            .map(FamilyCell::role)
                            .toList())
                    .as("the guarded cells of family %s (the default test run's subset)", f.id())
                    .containsExactlyInAnyOrder(Role.BUG, Role.FIX);
            assertThat(f.upstream())
                    .as("family %s cites its upstream reports", f.id())
                    .isNotEmpty();
            assertThat(f.cells()).allSatisfy(c -> assertThat(c.door()).isEqualTo(f.door()));
        }
    }

    @Test
    @DisplayName("a family file is told from a scenario file by its first key")
    void familyFileIsRecognised(@TempDir Path dir) throws IOException {
        Path family = Files.writeString(dir.resolve("f.yaml"), GOOD_FAMILY);
        assertThat(FamilyFiles.isFamilyFile(family)).isTrue();
        assertThat(FamilyFiles.isFamilyFile(Path.of("scenarios/story.yaml"))).isFalse();
    }

    @DisplayName("a malformed family file is refused with file:line, key and what is wrong:")
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown variant   | - {name: bug, role: bug, variant: no-exek, expect: {exit-code: 137}}                | f.yaml:3: cells[0].variant: unknown variant of door 'shell-entrypoint' 'no-exek' (known: [no-exec, exec, gated-exec])
            variant of a door | - {name: bug, role: bug, variant: go-reaper, expect: {exit-code: 137}}              | f.yaml:3: cells[0].variant: unknown variant of door 'shell-entrypoint' 'go-reaper'
            unknown measure   | - {name: bug, role: bug, variant: no-exec, expect: {exitcode: 137}}                 | f.yaml:3: cells[0].expect.exitcode: unknown key 'exitcode'
            reaper not served | - {name: bug, role: bug, variant: no-exec, reaper: catatonit, expect: {zombies: 0}} | f.yaml:3: cells[0].reaper: a family cell runs under none, tini, tini-group or docker-init, not 'catatonit'
            two bounds        | - {name: bug, role: bug, variant: no-exec, expect: {stop-seconds: {at-least: 1, below: 3}}} | f.yaml:3: cells[0].expect.stop-seconds: give exactly one of at-least, below
            bad role          | - {name: bug, role: broken, variant: no-exec, expect: {zombies: 0}}                 | f.yaml:3: cells[0].role: must be one of ['bug', 'fix'], found 'broken'
            """)
    void refusedWithLocation(String what, String cell, String expected, @TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("f.yaml"), """
                family: {door: shell-entrypoint, title: t, upstream: [a/b#1], broke: b, fix: f}
                cells:
                  %s
                  - {name: fix, role: fix, variant: exec, expect: {exit-code: 0}}
                """.formatted(cell));
        assertThatThrownBy(() -> FamilyFiles.load(List.of(file)))
                .as(what)
                .isInstanceOf(ScenarioFileException.class)
                .hasMessageContaining(dir + "/" + expected.trim());
    }

    @Test
    @DisplayName("a family without a fix cell, and an upstream that is no owner/repo#number, are refused")
    void familyNeedsItsFixAndItsReports(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("f.yaml"), """
                family: {door: shell-entrypoint, title: t, upstream: [somewhere], broke: b, fix: f}
                cells:
                  - {name: bug, role: bug, variant: no-exec, expect: {exit-code: 137}}
                """);
        assertThatThrownBy(() -> FamilyFiles.load(List.of(file)))
                .isInstanceOf(ScenarioFileException.class)
                .hasMessageContaining(file
                        + ":1: family.upstream[0]: must be an upstream report as owner/repo#number, found 'somewhere'");
        Files.writeString(
                file, GOOD_FAMILY.replace("- {name: fix, role: fix, variant: exec, expect: {exit-code: 0}}\n", ""));
        assertThatThrownBy(() -> FamilyFiles.load(List.of(file)))
                .isInstanceOf(ScenarioFileException.class)
                .hasMessageContaining(file + ":3: cells: a family needs a bug cell and a fix cell");
    }

    @Test
    @DisplayName("a good file loads: its cells' ids, defaults and expectations")
    void goodFileLoads(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("mine.yaml"), GOOD_FAMILY);
        Family family = FamilyFiles.load(List.of(file)).get(0);
        assertThat(family.cells()).extracting(FamilyCell::id).containsExactly("mine/no-exec/none", "mine/exec/none");
        assertThat(family.cells().get(0).expect()).containsEntry(Measure.EXIT_CODE, new Expected.Exactly(137));
        assertThat(family.cells().get(0).guard()).isFalse();
    }
}
