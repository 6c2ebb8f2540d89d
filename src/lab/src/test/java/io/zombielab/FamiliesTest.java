package io.zombielab;

import static org.assertj.core.api.Assertions.assertThat;

import io.qameta.allure.Allure;
import io.zombielab.observe.FamilyObservation;
import io.zombielab.scenario.Family;
import io.zombielab.scenario.FamilyCell;
import io.zombielab.scenario.FamilyFiles;
import io.zombielab.scenario.Role;
import io.zombielab.verdict.FamilyVerdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scenario families (issue 19), the guarded subset: one bug and one fix cell of each family, marked
 * {@code guard: true} in scenarios/families/. Each must hold its expectations; and, the negative control, the
 * same measurements must break the other cell's expectations (the bug's numbers are no fix, the fix's no bug).
 * The rest of each family runs in {@code ./zombielab matrix --family NAME}.
 */
@DisplayName("The scenario families, their guarded bug and fix cells")
@ExtendWith(SkipWithoutCells.class)
@Tag("container")
class FamiliesTest {

    private static Lab lab;

    @BeforeAll
    static void openLab() {
        lab = Lab.open(Settings.fromEnvironment(), line -> System.out.println("[zombielab] " + line));
    }

    /** Each family's guarded bug cell, then its guarded fix cell. */
    static Stream<FamilyCell> guarded() throws IOException {
        return TestCells.shard(families().stream()
                .flatMap(f -> f.cells().stream())
                .filter(FamilyCell::guard)
                .filter(c ->
                        Settings.fromEnvironment().selection().reaperFilter().admits(c.reaper()))
                .toList());
    }

    @DisplayName("holds its expectations, and its numbers break its counterpart's:")
    @ParameterizedTest(name = "{0}")
    @MethodSource("guarded")
    void holdsAndIsNotItsCounterpart(FamilyCell cell) throws IOException {
        FamilyVerdict verdict = lab.run(cell);
        Allure.addAttachment(
                "process table", "text/plain", verdict.observation().processTable());
        Allure.addAttachment(
                "container log", "text/plain", verdict.observation().containerLog());
        assertThat(verdict.holds()).as(verdict::explain).isTrue();

        FamilyCell counterpart = counterpart(cell);
        FamilyVerdict asCounterpart = FamilyVerdict.judge(withExpectationsOf(verdict.observation(), counterpart));
        assertThat(asCounterpart.holds())
                .as(
                        "negative control: %s's measurements judged by %s's expectations must fail:%n%s",
                        cell, counterpart, asCounterpart.explain())
                .isFalse();
    }

    private static FamilyCell counterpart(FamilyCell cell) throws IOException {
        Role other = cell.role() == Role.BUG ? Role.FIX : Role.BUG;
        return families().stream()
                .filter(f -> f.id().equals(cell.family()))
                .flatMap(f -> f.cells().stream())
                .filter(c -> c.guard() && c.role() == other)
                .findFirst()
                .orElseThrow();
    }

    private static FamilyObservation withExpectationsOf(FamilyObservation o, FamilyCell other) {
        FamilyCell c = o.cell();
        FamilyCell judged = new FamilyCell(
                c.family(),
                c.name(),
                c.role(),
                c.variant(),
                c.reaper(),
                c.runs(),
                c.grace(),
                other.expect(),
                c.guard());
        return new FamilyObservation(
                judged, o.probe(), o.measured(), o.runs(), o.processTable(), o.containerLog(), o.elapsed());
    }

    private static List<Family> families() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("scenarios/families"))) {
            return FamilyFiles.load(
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList());
        }
    }
}
