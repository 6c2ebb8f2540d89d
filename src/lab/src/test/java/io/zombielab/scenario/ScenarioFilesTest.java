package io.zombielab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("unit")
class ScenarioFilesTest {

    private static final String DIR = "src/lab/src/test/resources/scenarios-malformed/";

    @DisplayName("a malformed file is refused with file:line, key and what is wrong:")
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown-key.yaml          | unknown-key.yaml:3: scenarios[0].reapr: unknown key 'reapr' (known here: cycles, expect, guard, kill, limits, name, reaper, supervisor, workload)
            unknown-reaper.yaml       | unknown-reaper.yaml:2: scenarios[0].reaper: unknown reaper 'tiny' (known: [none, tini, tini-group, docker-init, dumb-init, catatonit, java, pod, pod-shared])
            cycles-not-a-number.yaml  | cycles-not-a-number.yaml:4: scenarios[0].cycles: must be a whole number, found 'three'
            cycles-zero.yaml          | cycles-zero.yaml:4: scenarios[0].cycles: must be between 1 and 1000, found 0
            limits-a-list.yaml        | limits-a-list.yaml:4: scenarios[0].limits: must be a mapping of [memory-mib, pids, settle-timeout-ms, up-timeout-ms], found a list
            missing-kill.yaml         | missing-kill.yaml:3: scenarios[0]: missing key 'kill'
            duplicate-cell.yaml       | duplicate-cell.yaml:4: scenarios[1]: cell tini/go/pid-kill is already defined at
            not-yaml.yaml             | not-yaml.yaml:4: not valid YAML:
            empty.yaml                | empty.yaml:1: the file is empty; it needs a 'scenarios:' list
            no-scenarios.yaml         | no-scenarios.yaml:1: missing key 'scenarios' (the list of cells)
            expect-bad-memory.yaml    | expect-bad-memory.yaml:5: scenarios[0].expect.memory: must be one of ['grows', 'flat'], found 'sideways'
            key-twice.yaml            | key-twice.yaml:4: scenarios[0].reaper: key given twice (first at line 2)
            unknown-workload.yaml     | unknown-workload.yaml:5: scenarios[0].workload.next: unknown key 'next' (known here: chain, next-app)
            scenarios-not-a-list.yaml | scenarios-not-a-list.yaml:2: scenarios: must be a list, found a mapping
            memory-too-small.yaml     | memory-too-small.yaml:4: scenarios[0].limits.memory-mib: must be between 64 and 65536, found 16
            expect-old-key.yaml       | expect-old-key.yaml:4: scenarios[0].expect.zombies: unknown key 'zombies' (known here: live-orphans-per-cycle, memory, spawn, zombies-per-cycle)
            next-app-bad-port.yaml    | next-app-bad-port.yaml:5: scenarios[0].workload.next-app.port-base: must be between 1024 and 59000, found 80
            next-app-chain-key.yaml   | next-app-chain-key.yaml:6: scenarios[0].workload.next-app.levels: unknown key 'levels' (known here: port-base)
            expect-bad-spawn.yaml     | expect-bad-spawn.yaml:4: scenarios[0].expect.spawn: must be one of ['completes', 'fails'], found 'maybe'
            timeout-too-short.yaml    | timeout-too-short.yaml:4: scenarios[0].limits.settle-timeout-ms: must be between 100 and 600000, found 5
            guard-not-a-boolean.yaml  | guard-not-a-boolean.yaml:4: scenarios[0].guard: must be true or false, found 'yes'
            """)
    void refusedWithLocation(String file, String expected) {
        assertThatThrownBy(() -> ScenarioFiles.load(List.of(Path.of(DIR + file))))
                .isInstanceOf(ScenarioFileException.class)
                .hasMessageContaining(DIR + expected.trim());
    }

    @Test
    @DisplayName("every problem of a file is reported at once, not only the first")
    void allProblemsTogether() {
        assertThatThrownBy(() -> ScenarioFiles.load(List.of(Path.of(DIR + "three-problems.yaml"))))
                .isInstanceOfSatisfying(
                        ScenarioFileException.class,
                        e -> assertThat(e.problems())
                                .extracting(ScenarioFileException.Problem::toString)
                                .containsExactly(
                                        DIR
                                                + "three-problems.yaml:3: scenarios[0].kill: unknown kill strategy 'sigkill' (known: [pid-kill, pid-term, pgid-term, pgid-term-then-kill, tree])",
                                        DIR
                                                + "three-problems.yaml:4: scenarios[0].cycles: must be between 1 and 1000, found -1"));
    }

    @Test
    @DisplayName("guard: true marks an entry's cells, a default's too; unmarked cells are not in the guard")
    void guardMarksCells(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
        Path file = dir.resolve("guarded.yaml");
        java.nio.file.Files.writeString(file, """
                scenarios:
                  - reaper: [none, tini]
                    kill: pgid-term
                    guard: true
                  - reaper: none
                    kill: pid-kill
                """);
        assertThat(ScenarioFiles.load(List.of(file)))
                .extracting(c -> c.id() + " " + c.guard())
                .containsExactly("none/go/pgid-term true", "tini/go/pgid-term true", "none/go/pid-kill false");
    }

    @Test
    @DisplayName("an expect mapping overrides only what it names; the rest comes from the truth table")
    void expectOverridesTheTruthTable(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
        Path file = dir.resolve("exhaustion.yaml");
        java.nio.file.Files.writeString(file, """
                scenarios:
                  - reaper: none
                    kill: pgid-term
                    limits: {pids: 64, memory-mib: 512, settle-timeout-ms: 45000}
                    cycles: 40
                    expect: {spawn: fails}
                """);
        Scenario cell = ScenarioFiles.load(List.of(file)).get(0);
        assertThat(cell.expectation()).isEqualTo(new Expectation(2, 0, MemoryTrend.FLAT, SpawnOutcome.FAILS));
        assertThat(cell.limits())
                .isEqualTo(new Limits(64, 512L << 20, Limits.DEFAULT.upTimeout(), java.time.Duration.ofSeconds(45)));
    }

    @Test
    @DisplayName("a missing file is named")
    void missingFile() {
        assertThatThrownBy(() -> ScenarioFiles.load(List.of(Path.of("scenarios/nope.yaml"))))
                .hasMessageContaining("scenarios/nope.yaml:0: no such file");
    }

    @Test
    @DisplayName("lists make a matrix; defaults fill what a scenario leaves out; truth table by default")
    void listsMakeAMatrix() {
        List<Scenario> cells = ScenarioFiles.load(List.of(Path.of("scenarios/matrix.yaml")));
        assertThat(cells).hasSize(75);
        assertThat(cells)
                .extracting(Scenario::id)
                .startsWith(
                        "tini-group/go/pgid-term",
                        "dumb-init/go/pgid-term",
                        "catatonit/go/pgid-term",
                        "java/go/pgid-term",
                        "tini-group/go/pid-kill")
                .contains("java/java/tree", "none/go/pgid-term-then-kill", "pod/go/pgid-term", "pod-shared/java/tree")
                .doesNotContain("none/go/tree", "pod-shared/go/tree");
        assertThat(cells).allSatisfy(c -> {
            assertThat(c.cycles()).isEqualTo(3);
            assertThat(c.workload()).isEqualTo(ChainWorkload.DEFAULT);
            assertThat(c.limits()).isEqualTo(Limits.DEFAULT);
            assertThat(c.name()).isEqualTo(c.id());
        });
        assertThat(cells.get(4).expectation())
                .as("tini-group/go/pid-kill")
                .isEqualTo(new Expectation(0, 3, MemoryTrend.GROWS, SpawnOutcome.COMPLETES));
        assertThat(cells.get(0).expectation())
                .as("tini-group/go/pgid-term")
                .isEqualTo(new Expectation(0, 0, MemoryTrend.FLAT, SpawnOutcome.COMPLETES));
    }

    @Test
    @DisplayName("a kill strategy the supervisor does not have is an impossible cell")
    void impossibleCombination(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
        Path file = dir.resolve("tree.yaml");
        java.nio.file.Files.writeString(file, "scenarios:\n  - reaper: none\n    supervisor: go\n    kill: tree\n");
        assertThatThrownBy(() -> ScenarioFiles.load(List.of(file)))
                .hasMessageContaining(
                        "tree.yaml:4: scenarios[0].kill: supervisor 'go' has no kill strategy 'tree' (it has: [pid-kill, pid-term, pgid-term, pgid-term-then-kill])");
    }

    @Test
    @DisplayName(
            "the real app's cells take the app's truth table: pid-kill leaks sh and next-server, pid-term next-server")
    void nextAppCells() {
        List<Scenario> cells = ScenarioFiles.load(List.of(Path.of("scenarios/next-app.yaml")));
        assertThat(cells)
                .extracting(Scenario::id)
                .containsExactly(
                        "none/go/pid-kill/next-app",
                        "none/go/pid-term/next-app",
                        "none/go/pgid-term/next-app",
                        "tini/go/pid-kill/next-app",
                        "tini/go/pid-term/next-app",
                        "tini/go/pgid-term/next-app");
        assertThat(cells).allSatisfy(c -> assertThat(c.workload()).isEqualTo(NextAppWorkload.DEFAULT));
        assertThat(cells)
                .extracting(Scenario::expectation)
                .containsExactly(
                        new Expectation(0, 2, MemoryTrend.GROWS, SpawnOutcome.COMPLETES),
                        new Expectation(0, 1, MemoryTrend.GROWS, SpawnOutcome.COMPLETES),
                        new Expectation(1, 0, MemoryTrend.FLAT, SpawnOutcome.COMPLETES),
                        new Expectation(0, 2, MemoryTrend.GROWS, SpawnOutcome.COMPLETES),
                        new Expectation(0, 1, MemoryTrend.GROWS, SpawnOutcome.COMPLETES),
                        new Expectation(0, 0, MemoryTrend.FLAT, SpawnOutcome.COMPLETES));
    }
}
