package io.zombielab.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The cgroup files of both versions, in the formats the kernel documents (Documentation/admin-guide/cgroup-v1/
 * memory.rst and pids.rst; cgroup-v2.rst), read the one way the host probe and the sidecar both use.
 */
class CgroupFilesTest {

    private static CgroupFiles files(Map<String, String> content) {
        return name -> Optional.ofNullable(content.get(name));
    }

    @Test
    @DisplayName("cgroup v1: usage_in_bytes, total_rss, pids current and max, refused forks, OOM kills")
    void version1() {
        CgroupFigures f = files(Map.of(
                "memory/memory.usage_in_bytes", "141877248\n",
                "memory/memory.stat", "cache 5857280\nrss 136019968\nrss_huge 0\ntotal_cache 5857280\ntotal_rss 136019968\n",
                "memory/memory.oom_control", "oom_kill_disable 0\nunder_oom 0\noom_kill 2\n",
                "pids/pids.current", "35\n",
                "pids/pids.max", "64\n",
                "pids/pids.events", "max 3\n")).figures();
        assertThat(f).isEqualTo(new CgroupFigures(141877248L, 136019968L, 35, 64, 3, 2));
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
                "pids.events", "max 0\n")).figures();
        assertThat(f).isEqualTo(new CgroupFigures(5251072L, 3112960L, 4, -1, 0, 1));
    }

    @Test
    @DisplayName("a file that is not there is unknown (-1), never zero")
    void missingIsUnknown() {
        assertThat(files(Map.of("pids.current", "4\n")).figures()).isEqualTo(new CgroupFigures(-1, -1, 4, -1, -1, -1));
        assertThat(files(Map.of()).figures()).isEqualTo(new CgroupFigures(-1, -1, -1, -1, -1, -1));
    }

    @Test
    @DisplayName("a file that does not hold a number is refused, naming it")
    void malformed() {
        assertThatThrownBy(() -> files(Map.of("pids.current", "lots\n")).figures())
                .isInstanceOf(ProbeFormatException.class).hasMessageContaining("pids.current").hasMessageContaining("lots");
        assertThatThrownBy(() -> files(Map.of("pids.current", "1\n", "pids.events", "max many\n")).figures())
                .hasMessageContaining("pids.events").hasMessageContaining("many");
    }
}
