package io.zombielab.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class MemoryFitTest {

    @Test
    void exactLineGivesItsSlope() {
        assertThat(MemoryFit.slope(List.of(100L, 200L, 300L, 400L))).isCloseTo(100.0, within(1e-9));
    }

    @Test
    void oneOutlierDoesNotDecideTheSlopeAsTwoPointsWould() {
        // The last point alone would say 0 per cycle; the fit over all of them still sees growth.
        assertThat(MemoryFit.slope(List.of(0L, 100L, 200L, 0L))).isCloseTo(10.0, within(1e-9));
    }

    @Test
    void flatIsZero() {
        assertThat(MemoryFit.slope(List.of(5L, 5L, 5L))).isZero();
    }

    @Test
    void needsTwoSamples() {
        assertThatThrownBy(() -> MemoryFit.slope(List.of(1L))).hasMessageContaining("at least two samples");
    }
}
