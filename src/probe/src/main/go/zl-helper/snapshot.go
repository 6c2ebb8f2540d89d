package main

// A snapshot is raw kernel text, escaped one item a line, for the harness to parse (the Java side,
// io.zombielab's probe parser, holds every rule of what the fields mean):
//
//	zl-snapshot 1                       the format's version
//	probe-pid <pid>                     this sidecar: it and its children are the observer, not the observed
//	cgroup-file <name> <content>        a cgroup file of the observed container: v2 names (memory.current, ...)
//	                                    or v1 names under their controller (memory/memory.stat, ...)
//	cgroup-none <reason>                when no cgroup file could be read
//	proc <pid> <stat>                   /proc/<pid>/stat, one per process
//	rss-anon <pid> <KiB>                RssAnon of /proc/<pid>/status (zombies and kernel threads have none)
//	chain <pid> <marker>                ZOMBIELAB_CHAIN from its environment, when set and readable
//	cmdline <pid> <command line>        NULs as spaces; absent for zombies
//	end <number of proc lines>          a snapshot without it is incomplete
//
// Content is escaped: a backslash as \\, a newline as \n, so every item is one line.
//
// The observed container is the namespace's init's (PID 1's), unless serve was told a container id: a
// container that joined another's PID namespace (a pod's, whose PID 1 is pause) is not PID 1 there, and
// its cgroup is that of the first of its processes, found by the id in /proc/<pid>/cgroup.

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"syscall"
)

const chainVariable = "ZOMBIELAB_CHAIN="

// The cgroup files read, by the name under which each is reported.
var cgroupV2Files = []string{"memory.current", "memory.stat", "memory.events", "pids.current", "pids.max", "pids.events"}
var cgroupV1Files = []string{"memory/memory.usage_in_bytes", "memory/memory.stat", "memory/memory.oom_control",
	"pids/pids.current", "pids/pids.max", "pids/pids.events"}

func escape(s string) string {
	return strings.NewReplacer(`\`, `\\`, "\n", `\n`).Replace(s)
}

// owner is who a process runs as: reading its environment or its root needs the same file-system
// credentials (ptrace's read check), which a root sidecar without CAP_SYS_PTRACE only has for root.
type owner struct{ uid, gid int }

// readAs reads a file of a process owned by o: as this process when that is root, else with this
// thread's file-system uid and gid switched to o's for the one read (they are per thread, so the
// goroutine is pinned to it meanwhile).
func readAs(o owner, path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err == nil || o.uid == 0 || !errors.Is(err, fs.ErrPermission) {
		return data, err
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	syscall.Setfsgid(o.gid)
	syscall.Setfsuid(o.uid)
	defer func() {
		syscall.Setfsuid(0)
		syscall.Setfsgid(0)
	}()
	return os.ReadFile(path)
}

// status holds what the snapshot needs of /proc/<pid>/status.
type status struct {
	owner   owner
	rssAnon string // KiB, "" when the process has none (zombie, kernel thread)
}

func readStatus(procRoot string, pid int) status {
	var s status
	data, err := os.ReadFile(filepath.Join(procRoot, strconv.Itoa(pid), "status"))
	if err != nil {
		return s
	}
	for _, line := range strings.Split(string(data), "\n") {
		fields := strings.Fields(line)
		if len(fields) < 2 {
			continue
		}
		switch fields[0] {
		case "Uid:":
			s.owner.uid, _ = strconv.Atoi(fields[1])
		case "Gid:":
			s.owner.gid, _ = strconv.Atoi(fields[1])
		case "RssAnon:":
			s.rssAnon = fields[1]
		}
	}
	return s
}

// pids lists the numeric entries of procRoot, in order.
func pids(procRoot string) ([]int, error) {
	entries, err := os.ReadDir(procRoot)
	if err != nil {
		return nil, err
	}
	var list []int
	for _, e := range entries {
		if pid, err := strconv.Atoi(e.Name()); err == nil {
			list = append(list, pid)
		}
	}
	sort.Ints(list)
	return list, nil
}

// writeSnapshot writes one snapshot of procRoot's PID namespace; container ("" for the namespace's
// init) names whose cgroup files it reports.
func writeSnapshot(out io.Writer, procRoot string, self int, container string) error {
	list, err := pids(procRoot)
	if err != nil {
		return fmt.Errorf("cannot list %s: %w", procRoot, err)
	}
	w := bufio.NewWriter(out)
	fmt.Fprintln(w, "zl-snapshot 1")
	fmt.Fprintf(w, "probe-pid %d\n", self)
	if holders := cgroupHolders(procRoot, list, container); len(holders) > 0 {
		writeCgroup(w, procRoot, holders)
	} else {
		fmt.Fprintf(w, "cgroup-none %s\n", escape("no process of container "+container+" in this PID namespace names it in /proc/<pid>/cgroup"))
	}
	count := 0
	for _, pid := range list {
		dir := filepath.Join(procRoot, strconv.Itoa(pid))
		stat, err := os.ReadFile(filepath.Join(dir, "stat"))
		if err != nil {
			continue // gone while we looked
		}
		count++
		st := readStatus(procRoot, pid)
		fmt.Fprintf(w, "proc %d %s\n", pid, escape(strings.TrimRight(string(stat), "\n")))
		if st.rssAnon != "" {
			fmt.Fprintf(w, "rss-anon %d %s\n", pid, st.rssAnon)
		}
		if env, err := readAs(st.owner, filepath.Join(dir, "environ")); err == nil {
			for _, entry := range strings.Split(string(env), "\x00") {
				if strings.HasPrefix(entry, chainVariable) {
					fmt.Fprintf(w, "chain %d %s\n", pid, escape(strings.TrimPrefix(entry, chainVariable)))
					break
				}
			}
		}
		if cmdline, err := os.ReadFile(filepath.Join(dir, "cmdline")); err == nil && len(cmdline) > 0 {
			text := strings.TrimSpace(strings.ReplaceAll(string(cmdline), "\x00", " "))
			fmt.Fprintf(w, "cmdline %d %s\n", pid, escape(text))
		}
	}
	fmt.Fprintf(w, "end %d\n", count)
	return w.Flush()
}

// cgroupHolders are the processes whose cgroup is the observed container's, in pid order: PID 1 when
// no container is named; else every process whose /proc/<pid>/cgroup names the container's id (docker
// puts the id in every cgroup path it makes, v1 and v2, cgroupfs and systemd drivers alike).
func cgroupHolders(procRoot string, list []int, container string) []int {
	if container == "" {
		return []int{1}
	}
	var holders []int
	for _, pid := range list {
		if data, err := os.ReadFile(filepath.Join(procRoot, strconv.Itoa(pid), "cgroup")); err == nil &&
			strings.Contains(string(data), container) {
			holders = append(holders, pid)
		}
	}
	return holders
}

// writeCgroup reports the cgroup files of the first holder whose root shows them: the container's own
// view of its cgroup (docker mounts it at /sys/fs/cgroup), read without running anything inside it. A
// zombie has no root left, so the next holder is tried. Where that mount shows the whole hierarchy (a
// host cgroup namespace on v2), the holder's own directory is found from /proc/<pid>/cgroup.
func writeCgroup(w io.Writer, procRoot string, holders []int) {
	var reasons []string
	for _, pid := range holders {
		if writeCgroupOf(w, procRoot, pid, &reasons) {
			return
		}
	}
	fmt.Fprintf(w, "cgroup-none %s\n", escape(strings.Join(reasons, "; ")))
}

func writeCgroupOf(w io.Writer, procRoot string, pid int, reasons *[]string) bool {
	holder := strconv.Itoa(pid)
	owner := readStatus(procRoot, pid).owner
	base := filepath.Join(procRoot, holder, "root", "sys", "fs", "cgroup")
	candidates := []struct {
		dir   string
		files []string
	}{{base, cgroupV2Files}, {filepath.Join(base, unifiedPath(procRoot, holder)), cgroupV2Files}, {base, cgroupV1Files}}
	for _, c := range candidates {
		first, err := readAs(owner, filepath.Join(c.dir, c.files[0]))
		if err != nil {
			*reasons = append(*reasons, err.Error())
			continue
		}
		fmt.Fprintf(w, "cgroup-file %s %s\n", c.files[0], escape(string(first)))
		for _, name := range c.files[1:] {
			if data, err := readAs(owner, filepath.Join(c.dir, name)); err == nil {
				fmt.Fprintf(w, "cgroup-file %s %s\n", name, escape(string(data)))
			}
		}
		return true
	}
	return false
}

// unifiedPath is a process's cgroup v2 path ("0::/system.slice/docker-<id>.scope"), or "" if it has none.
func unifiedPath(procRoot, pid string) string {
	data, err := os.ReadFile(filepath.Join(procRoot, pid, "cgroup"))
	if err != nil {
		return ""
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "0::") {
			return strings.TrimPrefix(line, "0::")
		}
	}
	return ""
}
