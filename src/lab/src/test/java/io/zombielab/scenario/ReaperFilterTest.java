package io.zombielab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ReaperFilterTest {

    private static final List<Scenario> STORY = ScenarioFiles.load(List.of(Path.of("scenarios/story.yaml")));

    @Test
    @DisplayName("blank keeps every cell; named reapers keep theirs")
    void keepsTheNamedReapers() {
        assertThat(ReaperFilter.parse("", "test").apply(STORY)).hasSize(6);
        assertThat(ReaperFilter.parse(" tini , none", "test").apply(STORY))
                .extracting(Scenario::id)
                .containsExactly("none/go/pid-kill", "none/go/pgid-term", "tini/go/pid-kill", "tini/go/pgid-term");
    }

    @Test
    @DisplayName("a name that is no reaper is refused, saying where it came from")
    void unknownReaper() {
        assertThatThrownBy(() -> ReaperFilter.parse("tiny", "ZOMBIELAB_REAPERS=tiny"))
                .hasMessageStartingWith("ZOMBIELAB_REAPERS=tiny: unknown reaper 'tiny'");
    }
}
