// More of the promise kit: the test children of the promises tini's and dumb-init's own suites test
// beyond reaping and exit codes (see testinits_flawed.go for the inits that break them).
//
//	zl-helper signals                       reports each signal tini forwards as it comes, and keeps waiting
//	zl-helper leave-daemon [--code N]       leaves a daemon in its group alive, then exits N
//	zl-helper signal-mask                   reports the signal mask and ignored signals it inherited, from /proc
//	zl-helper on-stop [--shutdown-ms M]     on SIGTERM, shuts down for M ms (an app's shutdown), then exits 0
//	zl-helper storm --count N --spread-ms S --max-alive A --watch-ms W
//	                                        N orphans over S ms, at most A alive at once; the reaps' latencies
package main

import (
	"bufio"
	"encoding/binary"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"
	"unsafe"
)

// signalsChild reports every signal of tiniSignals it gets, with the moment (the host and the container
// share the clock), and never exits by itself: the next signal must find it.
func signalsChild(args []string) {
	if len(args) > 0 {
		usage("signals takes no arguments")
	}
	sigs := make(chan os.Signal, 16)
	for _, s := range tiniSignals {
		signal.Notify(sigs, s)
	}
	event("signals-ready pid=%d", os.Getpid())
	for s := range sigs {
		event("signal-received name=%s pid=%d at_us=%d", tiniSignalNames[s.(syscall.Signal)], os.Getpid(), time.Now().UnixMicro())
	}
}

// leaveDaemon starts a daemon in its own process group (as `nginx &` in an entrypoint script does), waits
// until the daemon is up, says so, and exits --code: the init should exit with it, whatever the daemon does.
func leaveDaemon(args []string) {
	fs := flag.NewFlagSet("leave-daemon", flag.ExitOnError)
	code := fs.Int("code", 0, "exit code")
	fs.Parse(args)
	reader, writer, err := os.Pipe()
	if err != nil {
		fail(err)
	}
	cmd := exec.Command("/proc/self/exe", "daemon")
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	cmd.ExtraFiles = []*os.File{writer}
	if err := cmd.Start(); err != nil {
		fail(err)
	}
	writer.Close()
	if !bufio.NewScanner(reader).Scan() {
		fail(fmt.Errorf("the daemon %d never said it was up", cmd.Process.Pid))
	}
	event("daemon-left pid=%d daemon=%d code=%d at_us=%d", os.Getpid(), cmd.Process.Pid, *code, time.Now().UnixMicro())
	os.Exit(*code)
}

// daemon waits for any signal; it reports the one it gets (an init that signals its child's group on the
// child's exit reaches it) and exits 128+n.
func daemon() {
	sigs := make(chan os.Signal, 1)
	for _, s := range tiniSignals {
		signal.Notify(sigs, s)
	}
	ready := os.NewFile(3, "ready")
	fmt.Fprintln(ready, os.Getpid())
	ready.Close()
	s := (<-sigs).(syscall.Signal)
	event("daemon-signalled name=%s pid=%d", tiniSignalNames[s], os.Getpid())
	os.Exit(128 + int(s))
}

// signalMask reports the signal mask (SigBlk) and the ignored signals (SigIgn) this process inherited
// from its init, twice: as /proc shows them for a program it executes, stopped at its exec (ptrace), and
// as the Go runtime recorded them at its start. A Go runtime unblocks SIGTERM, SIGINT, SIGHUP and SIGQUIT
// and installs its handler for inherited ignored signals (but SIGHUP and SIGINT) before main runs, and its
// forks pass on what it changed: /proc then shows what a program started by a Go child inherits, the
// runtime's record what the child itself inherited (the two agree on every other signal).
func signalMask(args []string) {
	if len(args) > 0 {
		usage("signal-mask takes no arguments")
	}
	cmd := exec.Command("/proc/self/exe", "exit", "--code", "0")
	cmd.SysProcAttr = &syscall.SysProcAttr{Ptrace: true}
	if err := cmd.Start(); err != nil {
		event("signal-mask-unreadable error=%q", err.Error())
		os.Exit(1)
	}
	pid := cmd.Process.Pid
	var ws syscall.WaitStatus
	if _, err := syscall.Wait4(pid, &ws, 0, nil); err != nil || !ws.Stopped() {
		event("signal-mask-unreadable error=%q", fmt.Sprintf("the exec'd program did not stop at its exec: %v %v", err, ws))
		os.Exit(1)
	}
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	syscall.Kill(pid, syscall.SIGKILL)
	syscall.Wait4(pid, &ws, 0, nil)
	if err != nil {
		event("signal-mask-unreadable error=%q", err.Error())
		os.Exit(1)
	}
	blocked, ignored := statusField(string(status), "SigBlk"), statusField(string(status), "SigIgn")
	event("signal-mask pid=%d blocked=%s ignored=%s blocked_at_start=%016x ignored_at_start=%016x", os.Getpid(), blocked, ignored,
		blockedAtStart(), ignoredAtStart())
	os.Exit(0)
}

func statusField(status, name string) string {
	for _, line := range strings.Split(status, "\n") {
		if strings.HasPrefix(line, name+":") {
			return strings.TrimSpace(strings.TrimPrefix(line, name+":"))
		}
	}
	return "?"
}

// onStop waits for SIGTERM, then shuts down as an app does (closing connections, flushing a log) for
// --shutdown-ms, says it has, and exits 0: an init that exits before that leaves it to the kernel's SIGKILL.
func onStop(args []string) {
	fs := flag.NewFlagSet("on-stop", flag.ExitOnError)
	shutdown := fs.Int("shutdown-ms", 300, "how long its shutdown takes")
	fs.Parse(args)
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM)
	event("waiting pid=%d pgid=%d", os.Getpid(), pgid())
	<-sigs
	event("shutdown-started pid=%d at_us=%d", os.Getpid(), time.Now().UnixMicro())
	time.Sleep(time.Duration(*shutdown) * time.Millisecond)
	event("shutdown-done pid=%d at_us=%d", os.Getpid(), time.Now().UnixMicro())
	os.Exit(0)
}

// storm makes --count orphans over --spread-ms, never more than --max-alive alive at once (so that the
// container's PID limit is not what is tested), times each reap like orphans does and reports the
// latencies' p50, p99 and maximum in one event, then waits for a signal. A spawn that fails (the PIDs ran out) ends the storm early
// and is reported, not fatal: it is evidence.
func storm(args []string) {
	fs := flag.NewFlagSet("storm", flag.ExitOnError)
	count := fs.Int("count", 500, "how many orphans")
	spreadMs := fs.Int("spread-ms", 1000, "over how long they are made")
	maxAlive := fs.Int("max-alive", 100, "at most this many orphans alive at once")
	maxUnreaped := fs.Int("max-unreaped", 160, "at most this many made and not yet reaped (alive or zombies)")
	watchMs := fs.Int("watch-ms", 5000, "how long after the last exit an orphan may still be reaped")
	boundMs := fs.Int("settle-over-ms", 0, "stops making orphans once so many reaps took longer than this that the p99 of --count cannot be within it (0: never)")
	fs.Parse(args)
	if *count < 1 || *maxAlive < 1 || *maxUnreaped < *maxAlive || *spreadMs < 0 || *watchMs < 0 || *boundMs < 0 {
		usage("storm needs --count and --max-alive of 1 or more, --spread-ms, --watch-ms and --settle-over-ms of 0 or more")
	}
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, forwarded...)
	started := time.Now()
	watch := time.Duration(*watchMs) * time.Millisecond
	bound := time.Duration(*boundMs) * time.Millisecond
	exits, made, spawnErr, reaped, settle := spawnStorm(*count, time.Duration(*spreadMs)*time.Millisecond, *maxAlive, *maxUnreaped, watch)
	var latencies []time.Duration
	unreaped, zombies, slow, settled := 0, 0, 0, false
	watchReaps(exits, watch, func(r reap) {
		if r.reaped {
			latencies = append(latencies, r.after)
			// The grade is settled once more reaps were slow than the p99 of the whole storm may hide: making the
			// rest would only make a slow reaper slower to judge. Every orphan made is still watched to its reap.
			// Settled before the reap frees a place in the storm, so that no orphan is made after.
			if bound > 0 && r.after > bound {
				slow++
				if !settled && slow >= slowerThanP99(*count) {
					settled = true
					settle()
				}
			}
			reaped()
		} else {
			unreaped++
			if r.state == "Z" {
				zombies++
			}
		}
	})
	madeIn := time.Since(started)
	sort.Slice(latencies, func(i, j int) bool { return latencies[i] < latencies[j] })
	errText := ""
	if err := spawnErr(); err != nil {
		errText = err.Error()
	}
	event("storm-done count=%d made=%d reaped=%d unreaped=%d zombies=%d p50_us=%d p99_us=%d max_us=%d max_alive=%d took_ms=%d slow=%d settled=%t spawn_error=%q",
		*count, made(), len(latencies), unreaped, zombies, quantile(latencies, 0.5).Microseconds(), quantile(latencies, 0.99).Microseconds(),
		quantile(latencies, 1).Microseconds(), *maxAlive, madeIn.Milliseconds(), slow, settled, errText)
	// Kept running, like orphans: the container must still be there for the process table it is judged on.
	waitSignal(signals)
}

func quantile(sorted []time.Duration, q float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[quantileRank(len(sorted), q)-1]
}

// quantileRank is the 1-based rank of the q-quantile among n sorted values.
func quantileRank(n int, q float64) int {
	i := int(q*float64(n) + 0.5)
	if i < 1 {
		i = 1
	}
	if i > n {
		i = n
	}
	return i
}

// slowerThanP99 is how many of n values above a bound put the p99 of all n above it, whatever the others are
// (6 of 500): the top n-rank+1 ranks are then all above the bound.
func slowerThanP99(n int) int {
	return n - quantileRank(n, 0.99) + 1
}

// spawnStorm makes the orphans of a storm, paced evenly over the spread and held to maxAlive leaves alive.
// Each is made without exec (rawOrphan), so that hundreds fit in about a second on a busy machine: two Go
// processes executed per orphan, as spawnOrphans does, cost milliseconds each. made says, once the exits
// are closed, how many were made.
//
// At most maxUnreaped are made and not yet reaped: a slow reaper's zombies then slow the storm down instead of
// filling the container's PID limit (each is a PID), so a reaper on a timer is graded by its latency; reaped
// says one was. A reaper that reaps none for the watch window stalls the storm, which then ends, reported.
func spawnStorm(count int, spread time.Duration, maxAlive, maxUnreaped int, stall time.Duration) (<-chan orphanExit, func() int, func() error, func(), func()) {
	reader, writer, err := os.Pipe()
	if err != nil {
		fail(err)
	}
	alive := make(chan struct{}, maxAlive)
	unreaped := make(chan struct{}, maxUnreaped)
	words := make(chan orphanExit, count)
	go func() {
		defer close(words)
		defer reader.Close()
		var record [8]byte
		for {
			if _, err := io.ReadFull(reader, record[:]); err != nil {
				return
			}
			e := orphanExit{pid: int(binary.LittleEndian.Uint32(record[:4])), ppid: int(binary.LittleEndian.Uint32(record[4:])), at: time.Now()}
			<-alive
			words <- e
		}
	}()
	made, result := 0, make(chan error, 1)
	stop := make(chan struct{})
	var stopOnce sync.Once
	go func() {
		// The signal mask set around each raw fork is this thread's: keep to one thread.
		runtime.LockOSThread()
		defer writer.Close()
		start := time.Now()
		for i := 0; i < count; i++ {
			if count > 1 {
				time.Sleep(time.Until(start.Add(spread * time.Duration(i) / time.Duration(count-1))))
			}
			select {
			case <-stop:
				result <- nil
				return
			default:
			}
			select {
			case unreaped <- struct{}{}:
			case <-stop:
				result <- nil
				return
			case <-time.After(stall):
				result <- fmt.Errorf("stalled after %d of %d: %d made and not reaped for %v", i, count, maxUnreaped, stall)
				return
			}
			// A place freed and the stop at once: select picks either, the stop wins.
			select {
			case <-stop:
				result <- nil
				return
			default:
			}
			alive <- struct{}{}
			if err := rawOrphan(int(writer.Fd())); err != nil {
				<-alive
				<-unreaped
				result <- fmt.Errorf("orphan %d of %d: %w", i+1, count, err)
				return
			}
			made++
		}
		result <- nil
	}()
	done := make(chan struct{})
	var spawnErr error
	go func() {
		spawnErr = <-result
		close(done)
	}()
	return words, func() int { <-done; return made }, func() error { <-done; return spawnErr }, func() { <-unreaped },
		func() { stopOnce.Do(func() { close(stop) }) }
}

// rawTick is how often a raw leaf looks whether it was re-parented; global, so that the forked children,
// which must not allocate, need nothing new.
var rawTick = syscall.Timespec{Nsec: 50_000}

// rawRecord is a raw leaf's last word, its pid and its new parent's, little-endian: each process writes
// its own copy of it.
var rawRecord [8]byte

// rawOrphan makes one orphan as spawnOrphans does (a middle that exits at once, a leaf that exits once
// re-parented and reports on fd first), by raw forks of this process: no exec, no Go runtime started.
// The children run nothing but system calls, with every signal blocked, until they exit.
func rawOrphan(fd int) error {
	all, old := ^uint64(0), uint64(0)
	syscall.RawSyscall6(syscall.SYS_RT_SIGPROCMASK, 2 /* SIG_SETMASK */, uintptr(unsafe.Pointer(&all)), uintptr(unsafe.Pointer(&old)), 8, 0, 0)
	pid, _, errno := syscall.RawSyscall6(syscall.SYS_CLONE, uintptr(syscall.SIGCHLD), 0, 0, 0, 0, 0)
	if pid == 0 && errno == 0 {
		rawMiddle(uintptr(fd))
	}
	syscall.RawSyscall6(syscall.SYS_RT_SIGPROCMASK, 2, uintptr(unsafe.Pointer(&old)), 0, 8, 0, 0)
	if errno != 0 {
		return errno
	}
	var ws syscall.WaitStatus
	for {
		if _, err := syscall.Wait4(int(pid), &ws, 0, nil); err != syscall.EINTR {
			return err
		}
	}
}

//go:nosplit
func rawMiddle(fd uintptr) {
	middle, _, _ := syscall.RawSyscall(syscall.SYS_GETPID, 0, 0, 0)
	pid, _, errno := syscall.RawSyscall6(syscall.SYS_CLONE, uintptr(syscall.SIGCHLD), 0, 0, 0, 0, 0)
	if pid == 0 && errno == 0 {
		rawLeaf(fd, middle)
	}
	syscall.RawSyscall(syscall.SYS_EXIT_GROUP, 0, 0, 0)
}

//go:nosplit
func rawLeaf(fd, middle uintptr) {
	for {
		ppid, _, _ := syscall.RawSyscall(syscall.SYS_GETPPID, 0, 0, 0)
		if ppid != middle {
			self, _, _ := syscall.RawSyscall(syscall.SYS_GETPID, 0, 0, 0)
			rawRecord[0], rawRecord[1], rawRecord[2], rawRecord[3] = byte(self), byte(self>>8), byte(self>>16), byte(self>>24)
			rawRecord[4], rawRecord[5], rawRecord[6], rawRecord[7] = byte(ppid), byte(ppid>>8), byte(ppid>>16), byte(ppid>>24)
			syscall.RawSyscall(syscall.SYS_WRITE, fd, uintptr(unsafe.Pointer(&rawRecord[0])), 8)
			syscall.RawSyscall(syscall.SYS_EXIT_GROUP, 0, 0, 0)
		}
		syscall.RawSyscall(syscall.SYS_NANOSLEEP, uintptr(unsafe.Pointer(&rawTick)), 0, 0)
	}
}

// runtimeFwdSig is the Go runtime's record of each signal's disposition as it found it at its start, before
// it installed its own handlers (0: default, 1: ignored): the one place an inherited ignored SIGTERM is
// still visible to a Go program.
//
//go:linkname runtimeFwdSig runtime.fwdSig
var runtimeFwdSig [65]uintptr

// runtimeInitSigmask is the Go runtime's copy of the signal mask this process started with, taken before
// it unblocked the signals it needs (SIGTERM, SIGINT, SIGHUP, SIGQUIT among them); a fork from Go code
// passes on the mask without those, so only this copy shows an inherited blocked SIGTERM.
//
//go:linkname runtimeInitSigmask runtime.initSigmask
var runtimeInitSigmask uint64 // a [2]uint32 there: the same 64 bits on the little-endian amd64 and arm64

func blockedAtStart() uint64 {
	return runtimeInitSigmask
}

// ignoredAtStart is the set of signals this process found ignored when it started, in /proc's SigIgn
// format (bit n-1 for signal n).
func ignoredAtStart() uint64 {
	var set uint64
	for s := 1; s < len(runtimeFwdSig); s++ {
		if runtimeFwdSig[s] == 1 {
			set |= 1 << uint(s-1)
		}
	}
	return set
}
