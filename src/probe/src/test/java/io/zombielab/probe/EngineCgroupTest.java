package io.zombielab.probe;

import static io.zombielab.probe.Figures.figures;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Statistics;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.shaded.com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The engine's one-shot stats, as API 1.41 sends them (shapes from the engine's API reference): the same
 * fields on cgroup v1 and v2 but for the name of the anonymous memory.
 */
@Tag("unit")
class EngineCgroupTest {

    private static Statistics stats(String json) throws Exception {
        // docker-java's own mapper, as the client uses it: its deserializer keeps the fields the model has no
        // name for (v2's anon, the pids limit) in getRawValues(). Testcontainers shades it package-private.
        Class<?> holder =
                Class.forName("org.testcontainers.shaded.com.github.dockerjava.core.DefaultObjectMapperHolder");
        var getter = holder.getDeclaredMethod("getObjectMapper");
        getter.setAccessible(true);
        ObjectMapper mapper = (ObjectMapper) getter.invoke(holder.getEnumConstants()[0]);
        return mapper.readValue(json, Statistics.class);
    }

    @Test
    @DisplayName("cgroup v1: usage, total_rss, pids current and limit, OOM kills from the events")
    void version1() throws Exception {
        Statistics s = stats("{\"memory_stats\":{\"usage\":141877248,\"limit\":1073741824,\"stats\":{\"cache\":5857280,"
                + "\"rss\":136019968,\"total_rss\":136019968}},\"pids_stats\":{\"current\":35,\"limit\":64}}");
        assertThat(EngineCgroup.figures(s, 2))
                .isEqualTo(figures(141877248L, 136019968L, 35L, PidsLimit.of(64), null, 2L));
    }

    @Test
    @DisplayName("cgroup v2: usage, anon, pids current; an unlimited pids.max is no limit")
    void version2() throws Exception {
        Statistics s = stats("{\"memory_stats\":{\"usage\":5251072,\"limit\":1073741824,\"stats\":{\"anon\":3112960,"
                + "\"file\":1630208}},\"pids_stats\":{\"current\":4,\"limit\":18446744073709551615}}");
        assertThat(EngineCgroup.figures(s, 0)).isEqualTo(figures(5251072L, 3112960L, 4L, PidsLimit.NONE, null, 0L));
    }

    @Test
    @DisplayName("what the engine leaves out is unknown (empty): refused forks always are")
    void silent() throws Exception {
        assertThat(EngineCgroup.figures(stats("{}"), 0))
                .isEqualTo(figures(null, null, null, PidsLimit.UNKNOWN, null, 0L));
    }
}
