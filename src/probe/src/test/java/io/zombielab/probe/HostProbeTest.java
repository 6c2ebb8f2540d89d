package io.zombielab.probe;

import static io.zombielab.probe.Figures.figures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host probe on a hand-made /proc: which processes belong to the container, and in which pid namespace. */
@Tag("unit")
class HostProbeTest {

    @TempDir
    Path root;

    private Path proc;
    private Path cgroup;

    @BeforeEach
    void hostWithOneContainer() throws IOException {
        proc = Files.createDirectories(root.resolve("proc"));
        cgroup = Files.createDirectories(root.resolve("cgroup"));
        // host pid 90 is the engine's shim; 100 the container's init (pid 1 inside); 105 an adopted zombie
        // (pid 7 inside); 110 a live chain process (pid 9 inside, group 8); 300 a host process outside.
        process(90, "containerd-shim", 'S', 1, "90", "90", "", "");
        process(100, "supervisor-go", 'S', 90, "100\t1", "100\t1", "", "/opt/zombielab/bin/supervisor-go\0");
        process(105, "zl-c1-L1", 'Z', 100, "105\t7", "104\t6", null, null);
        process(110, "zl-c2-L1", 'S', 100, "110\t9", "109\t8", "PATH=/bin\0ZOMBIELAB_CHAIN=c2\0", "zl-c2-L1\0\0");
        process(300, "bash", 'S', 1, "300", "300", "", "bash\0");
    }

    private void process(
            int pid, String comm, char state, int ppid, String nsPid, String nsPgid, String environ, String cmdline)
            throws IOException {
        Path dir = Files.createDirectories(proc.resolve(Integer.toString(pid)));
        Files.writeString(
                dir.resolve("stat"),
                pid + " (" + comm + ") " + state + " " + ppid + " " + pid + " 1 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 "
                        + (5000 + pid) + " 0 " + (state == 'Z' ? 0 : 256) + " 0\n");
        Files.writeString(
                dir.resolve("status"), "Name:\t" + comm + "\nNSpid:\t" + nsPid + "\nNSpgid:\t" + nsPgid + "\n");
        if (environ != null) {
            Files.writeString(dir.resolve("environ"), environ);
            Files.writeString(dir.resolve("cmdline"), cmdline);
        }
    }

    private void cgroupV1() throws IOException {
        Files.writeString(proc.resolve("100/cgroup"), "8:pids:/docker/abc\n4:memory:/docker/abc\n0::/docker/abc\n");
        Path pids = Files.createDirectories(cgroup.resolve("pids/docker/abc"));
        Path memory = Files.createDirectories(cgroup.resolve("memory/docker/abc"));
        Files.writeString(pids.resolve("pids.current"), "12\n");
        Files.writeString(pids.resolve("pids.max"), "64\n");
        Files.writeString(pids.resolve("pids.events"), "max 3\n");
        Files.writeString(memory.resolve("memory.usage_in_bytes"), "4096000\n");
        Files.writeString(memory.resolve("memory.stat"), "cache 100\nrss 2000\ntotal_rss 2048000\n");
    }

    @Test
    @DisplayName("the container's processes are its init's descendants, zombies included, in its own pid namespace")
    void containerProcessesInTheirNamespace() throws IOException {
        cgroupV1();
        Snapshot s = new HostProbe(proc, cgroup, 100).snapshot();

        assertThat(s.processes()).extracting(ProcessInfo::pid).containsExactly(1, 7, 9);
        assertThat(s.process(1)).get().satisfies(p -> {
            assertThat(p.ppid()).isZero();
            assertThat(p.cmdline()).isEqualTo("/opt/zombielab/bin/supervisor-go");
        });
        assertThat(s.process(7)).get().satisfies(p -> {
            assertThat(p.isZombie()).isTrue();
            assertThat(p.ppid()).isEqualTo(1);
            assertThat(p.pgid()).isEqualTo(6);
            assertThat(p.chain()).isEmpty();
            assertThat(p.startTime()).isEqualTo(5105);
        });
        assertThat(s.process(9)).get().satisfies(p -> {
            assertThat(p.chain()).isEqualTo("c2");
            assertThat(p.pgid()).isEqualTo(8);
            assertThat(p.rssKiB()).isEqualTo(256 * 4);
        });
        assertThat(s.cgroup()).isEqualTo(figures(4096000L, 2048000L, 12L, PidsLimit.of(64), 3L, null));
    }

    /** A cgroup v2 directory of a container, with every file the figures are read from. */
    private void cgroupV2(String path) throws IOException {
        Files.writeString(proc.resolve("100/cgroup"), "0::" + path + "\n");
        Path dir = Files.createDirectories(cgroup.resolve(path.substring(1)));
        Files.writeString(dir.resolve("memory.current"), "5000\n");
        Files.writeString(dir.resolve("memory.stat"), "anon 3000\nfile 2000\n");
        Files.writeString(dir.resolve("memory.events"), "low 0\nhigh 0\nmax 4\noom 1\noom_kill 1\n");
        Files.writeString(dir.resolve("pids.current"), "4\n");
        Files.writeString(dir.resolve("pids.max"), "max\n");
        Files.writeString(dir.resolve("pids.events"), "max 2\n");
    }

    @Test
    @DisplayName("cgroup v2 under systemd's driver: the figures come from system.slice/docker-<id>.scope")
    void cgroupV2Systemd() throws IOException {
        cgroupV2("/system.slice/docker-abc.scope");
        assertThat(new HostProbe(proc, cgroup, 100).snapshot().cgroup())
                .isEqualTo(figures(5000L, 3000L, 4L, PidsLimit.NONE, 2L, 1L));
    }

    @Test
    @DisplayName("cgroup v2 under the cgroupfs driver: the figures come from docker/<id>")
    void cgroupV2Cgroupfs() throws IOException {
        cgroupV2("/docker/abc");
        assertThat(new HostProbe(proc, cgroup, 100).snapshot().cgroup())
                .isEqualTo(figures(5000L, 3000L, 4L, PidsLimit.NONE, 2L, 1L));
    }

    @Test
    @DisplayName("the host shows a container only where the pid's cgroup names it and its environment is readable")
    void visibility() throws IOException {
        cgroupV2("/system.slice/docker-abc.scope");
        assertThat(HostProbe.forLocalContainer(proc, cgroup, "abc", 100)).isPresent();
        assertThat(HostProbe.forLocalContainer(proc, cgroup, "other", 100))
                .as("a remote engine's pid that is some other process here")
                .isEmpty();
        Files.delete(proc.resolve("100/environ"));
        assertThat(HostProbe.forLocalContainer(proc, cgroup, "abc", 100))
                .as("environment not readable")
                .isEmpty();
        assertThat(HostProbe.forLocalContainer(proc, cgroup, "abc", 0))
                .as("no pid: not running")
                .isEmpty();
    }

    private void pidNamespace(int pid, String inode) throws IOException {
        Files.createSymbolicLink(
                Files.createDirectories(proc.resolve(pid + "/ns")).resolve("pid"), Path.of("pid:[" + inode + "]"));
    }

    /**
     * A Kubernetes pod with shareProcessNamespace: host pid 81 is the pod's pause, PID 1 of the namespace the
     * container's init (100, pid 7 there) joined; 105 and 110 are the init's children. Pause adopted 120 (a live orphan of chain c1) and 121 (a
     * zombie it has not reaped yet); 400 is PID 1 of another container's namespace.
     */
    private void podSharingItsPidNamespace() throws IOException {
        process(80, "containerd-shim", 'S', 1, "80", "80", "", "");
        process(81, "zl-helper", 'S', 80, "81\t1", "81\t1", "", "/zl-helper\0pause\0");
        process(100, "supervisor-go", 'S', 90, "100\t7", "100\t7", "", "/opt/zombielab/bin/supervisor-go\0");
        process(105, "zl-c1-L1", 'Z', 100, "105\t11", "104\t6", null, null);
        process(120, "zl-c1-L1", 'S', 81, "120\t12", "118\t10", "ZOMBIELAB_CHAIN=c1\0", "zl-c1-L1\0");
        process(121, "zl-c1-L2", 'Z', 81, "121\t13", "118\t10", null, null);
        process(400, "sleep", 'S', 1, "400\t1", "400\t1", "", "sleep\0infinity\0");
        for (int pid : new int[] {81, 100, 110, 120}) {
            pidNamespace(pid, "4026532900");
        }
        pidNamespace(400, "4026532901");
        pidNamespace(300, "4026531836");
        cgroupV1();
    }

    @Test
    @DisplayName("in a pod's shared pid namespace: pause is PID 1, and what it adopted belongs to the container too")
    void podSharedPidNamespace() throws IOException {
        podSharingItsPidNamespace();
        Snapshot s = new HostProbe(proc, cgroup, 100).snapshot();

        assertThat(s.processes()).extracting(ProcessInfo::pid).containsExactly(1, 7, 9, 11, 12, 13);
        assertThat(s.process(1)).get().satisfies(p -> {
            assertThat(p.ppid()).as("pause's parent is outside the namespace").isZero();
            assertThat(p.cmdline()).isEqualTo("/zl-helper pause");
        });
        assertThat(s.process(7))
                .get()
                .extracting(ProcessInfo::ppid)
                .as("the container's init is not PID 1: its parent is outside")
                .isEqualTo(0);
        assertThat(s.process(12)).get().satisfies(p -> {
            assertThat(p.ppid()).as("an orphan, adopted by pause").isEqualTo(1);
            assertThat(p.chain()).isEqualTo("c1");
        });
        assertThat(s.process(13)).get().satisfies(p -> assertThat(p.isZombie()).isTrue());
        assertThat(s.cgroup().pids())
                .as("the container's own cgroup, not pause's")
                .hasValue(12);
        assertThat(HostProbe.forLocalContainer(proc, cgroup, "abc", 100)).isPresent();
    }

    @Test
    @DisplayName(
            "a pod whose pause this host does not show: no host probe (the universal one is used), or an error saying why")
    void podWithoutItsPause() throws IOException {
        podSharingItsPidNamespace();
        Files.delete(proc.resolve("81/ns/pid"));
        assertThat(HostProbe.forLocalContainer(proc, cgroup, "abc", 100)).isEmpty();
        assertThatThrownBy(() -> new HostProbe(proc, cgroup, 100))
                .hasMessageContaining("host pid 100 is not PID 1 of its PID namespace");
    }

    @Test
    @DisplayName("a container whose init is gone says so")
    void initGone() {
        assertThatThrownBy(() -> new HostProbe(proc, cgroup, 4242).snapshot())
                .hasMessageContaining("host pid 4242) is gone");
    }
}
