package io.zombielab.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.zombielab.verdict.Check;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class FlakeReportTest {

    private static MatrixRow cell(String id, boolean holds) {
        return new MatrixRow(
                new MatrixRow.Cell(id, "cell " + id, "none", "go", "pid-kill", "chain"),
                holds,
                "host",
                new MatrixRow.Cycles(3, 3, Optional.empty()),
                new MatrixRow.Left(
                        new Tally(holds ? 0 : 1, 0), new Tally(0, 0), OptionalDouble.of(0), 0, OptionalLong.of(6)),
                List.of(),
                List.of(new Check.Count("zombies", 0, holds ? 0 : 1)),
                List.of(),
                1.0);
    }

    private static ReportDocument run(String runId, List<MatrixRow> verdicts, List<CellError> errors) {
        return new ReportDocument(
                runId,
                "[test]",
                "2026-11-27T00:00:00Z",
                1.0,
                verdicts.size() + errors.size(),
                verdicts.stream().filter(MatrixRow::holds).count(),
                false,
                "host probe",
                errors,
                List.of(),
                verdicts);
    }

    @Test
    @DisplayName("identical runs: no flips, and the bar is met")
    void steadyRunsHaveNoFlips() {
        var a = run("r1", List.of(cell("none/go/pid-kill", true), cell("tini/go/pgid-term", true)), List.of());
        FlakeReport report = FlakeReport.of(List.of(a, a, a));
        assertThat(report.flippedCells()).isEmpty();
        assertThat(report.cellsNotAlwaysHolding()).isZero();
        assertThat(report.render()).contains("3 runs, 2 cells").endsWith("0 verdict flips in 2 cells x 3 runs\n");
    }

    @Test
    @DisplayName("a cell that failed once is named, with its outcome per run and the check that broke")
    void aFlipIsNamedWithWhatBroke() {
        var good = run("r1", List.of(cell("none/go/pid-kill", true), cell("tini/go/pgid-term", true)), List.of());
        var bad = run("r2", List.of(cell("none/go/pid-kill", true), cell("tini/go/pgid-term", false)), List.of());
        FlakeReport report = FlakeReport.of(List.of(good, bad, good));
        assertThat(report.flippedCells()).containsExactly("cell tini/go/pgid-term [tini/go/pgid-term]");
        assertThat(report.render())
                .contains(
                        "  HFH  cell tini/go/pgid-term [tini/go/pgid-term]",
                        "      run 2: zombies 1 (expected 0)",
                        "1 verdict flips in 2 cells x 3 runs");
    }

    @Test
    @DisplayName(
            "a cell that could not run counts as an error, not a pass; the same failure every run is broken, not flaky")
    void errorsAndSteadyFailures() {
        var ran = run("r1", List.of(cell("a", true), cell("b", false)), List.of());
        var errored = run(
                "r2", List.of(cell("b", false)), List.of(new CellError("a", "cell a", "the engine stopped answering")));
        FlakeReport report = FlakeReport.of(List.of(ran, errored));
        assertThat(report.flippedCells()).containsExactly("cell a [a]");
        assertThat(report.cellsNotAlwaysHolding()).isEqualTo(2);
        assertThat(report.render())
                .contains(
                        "  HE  cell a [a]",
                        "run 2: the engine stopped answering",
                        "failed the same way in every run",
                        "  FF  cell b [b]");
    }

    @Test
    @DisplayName("cells of the same name and id in two files are told apart, not merged")
    void repeatsAreNumbered() {
        var r = run("r1", List.of(cell("a", true), cell("a", false)), List.of());
        assertThat(FlakeReport.of(List.of(r, r)).render()).contains("  FF  cell a [a] #2");
    }
}
