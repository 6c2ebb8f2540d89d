package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeProc builds a /proc of the files a snapshot reads, under a temporary folder.
func fakeProc(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, content := range files {
		path := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func snapshotOf(t *testing.T, root string, self int) string {
	t.Helper()
	var out bytes.Buffer
	if err := writeSnapshot(&out, root, self, ""); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

const initStat = "1 (supervisor-go) S 0 1 1 0 -1 4194560 1 0 0 0 1 2 0 0 20 0 5 0 100 2990080 387 0 0 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n"
const zombieStat = "40 (zl-c1-L2) Z 1 30 30 0 -1 4228108 1 0 0 0 0 0 0 0 20 0 1 0 300 0 0 0 0 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0\n"

// The bug that made the exec probe fail on every cell that leaves zombies: a zombie, which has no
// RssAnon and no command line, listed last. The snapshot must still be whole.
func TestZombieListedLastStillEndsTheSnapshot(t *testing.T) {
	root := fakeProc(t, map[string]string{
		"1/stat":     initStat,
		"1/status":   "Name:\tsupervisor-go\nUid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\nRssAnon:\t 4636 kB\n",
		"1/environ":  "PATH=/bin\x00",
		"1/cmdline":  "/opt/zombielab/bin/supervisor-go\x00",
		"40/stat":    zombieStat,
		"40/status":  "Name:\tzl-c1-L2\nState:\tZ (zombie)\nUid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\n",
		"40/environ": "",
		"40/cmdline": "",
	})
	out := snapshotOf(t, root, 99)
	for _, want := range []string{"zl-snapshot 1\n", "probe-pid 99\n", "proc 1 1 (supervisor-go) S", "rss-anon 1 4636\n",
		"cmdline 1 /opt/zombielab/bin/supervisor-go\n", "proc 40 40 (zl-c1-L2) Z 1 30 30", "end 2\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("snapshot lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "rss-anon 40") || strings.Contains(out, "cmdline 40") {
		t.Errorf("a zombie has no RssAnon and no command line:\n%s", out)
	}
	if !strings.HasSuffix(out, "end 2\n") {
		t.Errorf("the snapshot must end with its count:\n%s", out)
	}
}

func TestChainMarkerAndEscapedNames(t *testing.T) {
	root := fakeProc(t, map[string]string{
		"7/stat":    "7 (odd\nname) S 1 7 7 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 200 0 0 0 0 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0\n",
		"7/status":  "Uid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\nRssAnon:\t 12 kB\n",
		"7/environ": "A=1\x00ZOMBIELAB_CHAIN=c3\x00B=2\x00",
		"7/cmdline": "node\x00a\\b\x00",
	})
	out := snapshotOf(t, root, 1)
	for _, want := range []string{`proc 7 7 (odd\nname) S 1 7 7`, "chain 7 c3\n", `cmdline 7 node a\\b` + "\n", "end 1\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("snapshot lacks %q:\n%s", want, out)
		}
	}
}

func TestCgroupV1FilesThroughTheInitsRoot(t *testing.T) {
	root := fakeProc(t, map[string]string{
		"1/stat":   initStat,
		"1/status": "Uid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\n",
		"1/root/sys/fs/cgroup/memory/memory.usage_in_bytes": "770048\n",
		"1/root/sys/fs/cgroup/memory/memory.stat":           "cache 0\ntotal_rss 110592\n",
		"1/root/sys/fs/cgroup/pids/pids.current":            "1\n",
		"1/root/sys/fs/cgroup/pids/pids.max":                "64\n",
	})
	out := snapshotOf(t, root, 9)
	for _, want := range []string{"cgroup-file memory/memory.usage_in_bytes 770048\\n\n",
		"cgroup-file memory/memory.stat cache 0\\ntotal_rss 110592\\n\n", "cgroup-file pids/pids.max 64\\n\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("snapshot lacks %q:\n%s", want, out)
		}
	}
}

// cgroup v2 with a host cgroup namespace: the mount shows the whole hierarchy, the init's own
// directory is named by /proc/1/cgroup (systemd driver's path here).
func TestCgroupV2FoundThroughTheInitsPath(t *testing.T) {
	scope := "1/root/sys/fs/cgroup/system.slice/docker-abc.scope/"
	root := fakeProc(t, map[string]string{
		"1/stat":                 initStat,
		"1/status":               "Uid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\n",
		"1/cgroup":               "0::/system.slice/docker-abc.scope\n",
		scope + "memory.current": "4096\n",
		scope + "memory.events":  "low 0\nhigh 0\nmax 3\noom 1\noom_kill 1\n",
		scope + "pids.max":       "max\n",
	})
	out := snapshotOf(t, root, 9)
	for _, want := range []string{"cgroup-file memory.current 4096\\n\n", "cgroup-file pids.max max\\n\n",
		"cgroup-file memory.events low 0\\nhigh 0\\nmax 3\\noom 1\\noom_kill 1\\n\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("snapshot lacks %q:\n%s", want, out)
		}
	}
}

func TestNoCgroupSaysWhy(t *testing.T) {
	root := fakeProc(t, map[string]string{"1/stat": initStat, "1/status": "Uid:\t0\t0\t0\t0\n"})
	out := snapshotOf(t, root, 9)
	if !strings.Contains(out, "cgroup-none ") || !strings.Contains(out, "no such file or directory") {
		t.Errorf("want a cgroup-none line with the reason:\n%s", out)
	}
}

// A container that joined a pod's PID namespace is not its PID 1 (pause is): told the container's id,
// the snapshot reports that container's cgroup, from the first of its processes that still has a root
// (a zombie has none), not pause's.
func TestCgroupOfANamedContainerThatIsNotPid1(t *testing.T) {
	root := fakeProc(t, map[string]string{
		"1/stat":   "1 (zl-helper) S 0 1 1 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 90 0 0 0 0 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0\n",
		"1/status": "Uid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\n",
		"1/cgroup": "8:pids:/docker/pause0\n4:memory:/docker/pause0\n",
		"1/root/sys/fs/cgroup/memory/memory.usage_in_bytes": "111\n",
		"1/root/sys/fs/cgroup/pids/pids.current":            "1\n",
		"5/stat":                                            "5 (zl-c1-L2) Z 1 5 5 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 95 0 0 0 0 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0\n",
		"5/status":                                          "Uid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\n",
		"5/cgroup":                                          "8:pids:/docker/abc\n4:memory:/docker/abc\n",
		"7/stat":                                            "7 (supervisor-go) S 0 7 7 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 100 0 0 0 0 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0\n",
		"7/status":                                          "Uid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\n",
		"7/cgroup":                                          "8:pids:/docker/abc\n4:memory:/docker/abc\n",
		"7/root/sys/fs/cgroup/memory/memory.usage_in_bytes": "770048\n",
		"7/root/sys/fs/cgroup/pids/pids.current":            "12\n",
	})
	var out bytes.Buffer
	if err := writeSnapshot(&out, root, 99, "abc"); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	if !strings.Contains(text, "cgroup-file memory/memory.usage_in_bytes 770048\\n\n") ||
		!strings.Contains(text, "cgroup-file pids/pids.current 12\\n\n") || strings.Contains(text, " 111\\n") {
		t.Errorf("want the cgroup of container abc (pid 7), not pause's (pid 1):\n%s", text)
	}
	out.Reset()
	if err := writeSnapshot(&out, root, 99, "gone"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "cgroup-none no process of container gone in this PID namespace") {
		t.Errorf("a container with no process here: want a cgroup-none line naming it, never PID 1's figures:\n%s", out.String())
	}
}
