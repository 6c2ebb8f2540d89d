package io.zombielab.probe;

import static io.zombielab.probe.Figures.figures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The cgroup files of both versions, in the formats the kernel documents (Documentation/admin-guide/cgroup-v1/
 * memory.rst and pids.rst; cgroup-v2.rst), read the one way the host probe and the sidecar both use.
 */
@Tag("unit")
class CgroupFilesTest {

    private static CgroupFiles files(Map<String, String> content) {
        return name -> Optional.ofNullable(content.get(name));
    }

    @Test
    @DisplayName("cgroup v1: usage_in_bytes, total_rss, pids current and max, refused forks, OOM kills")
    void version1() {
        CgroupFigures f = files(Map.of(
                        "memory/memory.usage_in_bytes", "141877248\n",
                        "memory/memory.stat",
                                "cache 5857280\nrss 136019968\nrss_huge 0\ntotal_cache 5857280\ntotal_rss 136019968\n",
                        "memory/memory.oom_control", "oom_kill_disable 0\nunder_oom 0\noom_kill 2\n",
                        "pids/pids.current", "35\n",
                        "pids/pids.max", "64\n",
                        "pids/pids.events", "max 3\n"))
                .figures();
        assertThat(f).isEqualTo(figures(141877248L, 136019968L, 35L, PidsLimit.of(64), 3L, 2L));
    }

    @Test
    @DisplayName("cgroup v2: memory.current, anon, pids.max 'max' as no limit, pids.events, memory.events' oom_kill")
    void version2() {
        CgroupFigures f = files(Map.of(
                        "memory.current", "5251072\n",
                        "memory.stat", "anon 3112960\nfile 1630208\nkernel 327680\nshmem 0\nsock 0\n",
                        "memory.events", "low 0\nhigh 0\nmax 17\noom 2\noom_kill 1\noom_group_kill 0\n",
                        "pids.current", "4\n",
                        "pids.max", "max\n",
                        "pids.events", "max 0\n"))
                .figures();
        assertThat(f).isEqualTo(figures(5251072L, 3112960L, 4L, PidsLimit.NONE, 0L, 1L));
    }

    @Test
    @DisplayName("a file that is not there is unknown (empty), never zero")
    void missingIsUnknown() {
        assertThat(files(Map.of("pids.current", "4\n")).figures())
                .isEqualTo(figures(null, null, 4L, PidsLimit.UNKNOWN, null, null));
        assertThat(files(Map.of()).figures()).isEqualTo(CgroupFigures.UNKNOWN);
    }

    @Test
    @DisplayName("a file that does not hold a number is refused, naming it")
    void malformed() {
        assertThatThrownBy(() -> files(Map.of("pids.current", "lots\n")).figures())
                .isInstanceOf(ProbeFormatException.class)
                .hasMessageContaining("pids.current")
                .hasMessageContaining("lots");
        assertThatThrownBy(() -> files(Map.of("pids.current", "1\n", "pids.events", "max many\n"))
                        .figures())
                .hasMessageContaining("pids.events")
                .hasMessageContaining("many");
    }
}
