package io.zombielab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** CI's parallel jobs split the cells: together every cell once, each job about as many, always the same ones. */
@Tag("unit")
class ShardTest {

    private static final List<Integer> CELLS =
            IntStream.rangeClosed(1, 74).boxed().toList();

    @Test
    @DisplayName(
            "the N shards together hold every cell exactly once, in the files' order, none more than one cell heavier")
    void partition() {
        List<Integer> all = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (int k = 1; k <= 4; k++) {
            List<Integer> part = new Shard(k, 4).select(CELLS);
            all.addAll(part);
            sizes.add(part.size());
            assertThat(part).isSorted();
        }
        assertThat(all).containsExactlyInAnyOrderElementsOf(CELLS);
        assertThat(sizes).containsExactly(19, 19, 18, 18);
        assertThat(new Shard(2, 4).select(CELLS)).as("deterministic").isEqualTo(new Shard(2, 4).select(CELLS));
        assertThat(Shard.ALL.select(CELLS)).isEqualTo(CELLS);
    }

    @Test
    @DisplayName("K/N is read from the option or the variable; anything else is refused, naming where it came from")
    void parsing() {
        assertThat(Shard.parse("2/4", "--shard")).isEqualTo(new Shard(2, 4));
        assertThat(Shard.parse(" 1 / 1 ", "--shard")).isEqualTo(Shard.ALL);
        assertThat(Shard.parse("", "ZOMBIELAB_SHARD")).isEqualTo(Shard.ALL);
        assertThatThrownBy(() -> Shard.parse("5/4", "ZOMBIELAB_SHARD"))
                .hasMessage("ZOMBIELAB_SHARD: a shard is K/N with 1 <= K <= N, not 5/4");
        assertThatThrownBy(() -> Shard.parse("0/4", "--shard")).hasMessageContaining("--shard: a shard is K/N");
        assertThatThrownBy(() -> Shard.parse("half", "--shard"))
                .hasMessage("--shard needs K/N (job K of N, e.g. 2/4), not 'half'");
    }
}
