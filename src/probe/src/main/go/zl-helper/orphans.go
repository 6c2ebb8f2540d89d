package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"syscall"
	"time"
	"unsafe"
)

// orphanExit is one orphan's last word: its pid, the parent it had when it exited (the process that
// adopted it), and when the word arrived (microseconds before its exit).
type orphanExit struct {
	pid, ppid int
	at        time.Time
}

// spawnOrphans makes count processes that outlive their parent: this process -> middle (exits at once)
// -> leaf. This process reaps each middle; the leaf then belongs to the PID namespace's init (or the
// nearest sub-reaper) and exits, so it stays a zombie unless that process reaps it. Each leaf reports
// on a pipe just before it exits; the channel is closed once every leaf has (EOF: all ends closed).
// With a spread, the orphans exit evenly over it instead of all at once: a reaper on a timer then has
// one of them wait nearly its whole period, whatever the timer's phase. The orphans are made while the
// caller watches the exits (a reap is timed as it happens); spawned tells, once exits is closed,
// whether every one was made.
func spawnOrphans(count int, spread time.Duration, stdout io.Writer) (exits <-chan orphanExit, spawned func() error, err error) {
	reader, writer, err := os.Pipe()
	if err != nil {
		return nil, nil, err
	}
	words := make(chan orphanExit, count)
	go func() {
		defer close(words)
		defer reader.Close()
		lines := bufio.NewScanner(reader)
		for lines.Scan() {
			var e orphanExit
			if _, err := fmt.Sscanf(lines.Text(), "%d %d", &e.pid, &e.ppid); err == nil {
				e.at = time.Now()
				words <- e
			}
		}
	}()
	var gap time.Duration
	if count > 1 {
		gap = spread / time.Duration(count-1)
	}
	done := make(chan error, 1)
	go func() {
		defer writer.Close()
		for i := 0; i < count; i++ {
			if i > 0 {
				time.Sleep(gap)
			}
			cmd := exec.Command("/proc/self/exe", "middle")
			cmd.Stdout, cmd.Stderr = stdout, os.Stderr
			cmd.ExtraFiles = []*os.File{writer} // fd 3 in the middle and the leaf
			if err := cmd.Run(); err != nil {
				done <- fmt.Errorf("orphan %d of %d: %w", i+1, count, err)
				return
			}
		}
		done <- nil
	}()
	return words, func() error { return <-done }, nil
}

// watched is an orphan that has exited and may not be reaped yet.
type watched struct {
	exit      orphanExit
	startTime string // field 22 of its stat: a pid taken again by another process is not the orphan
}

// reap is what became of one orphan: reaped after some time, or still there (in state) when the window ended.
type reap struct {
	pid, adopter int
	reaped       bool
	after        time.Duration
	state        string
}

// watchReaps times, for each orphan, how long its adopter took to reap it: from its last word (just
// before it exits) until its /proc entry is gone. An orphan still there window after the last one
// exited is reported unreaped. It polls every 200 us while something happens (an exit, a reap): a reaper
// that answers SIGCHLD takes well under 1 ms, so it is never idle. While nothing does, it backs off to every
// 10 ms, 1% of the default bound: polled every 200 us, a storm's 160 unreaped zombies took 80% of a core for
// the whole window, starving the checks beside it on a 2-core machine.
func watchReaps(exits <-chan orphanExit, window time.Duration, report func(reap)) {
	const fastest, slowest = 200 * time.Microsecond, 10 * time.Millisecond
	pending := map[int]watched{}
	var lastExit time.Time
	open := true
	tick := fastest
	for open || len(pending) > 0 {
		changed := false
		if open {
			select {
			case e, ok := <-exits:
				if !ok {
					open = false
					continue
				}
				pending[e.pid] = watched{exit: e, startTime: startTime(e.pid)}
				lastExit = e.at
				changed = true
			case <-time.After(tick):
			}
		} else {
			time.Sleep(tick)
		}
		for pid, w := range pending {
			state, start := stateOf(pid)
			if state == "" || (w.startTime != "" && start != w.startTime) {
				report(reap{pid: pid, adopter: w.exit.ppid, reaped: true, after: time.Since(w.exit.at)})
				delete(pending, pid)
				changed = true
			}
		}
		if changed {
			tick = fastest
		} else if tick *= 2; tick > slowest {
			tick = slowest
		}
		if !open && len(pending) > 0 && time.Since(lastExit) > window {
			for pid, w := range pending {
				state, _ := stateOf(pid)
				report(reap{pid: pid, adopter: w.exit.ppid, state: state})
			}
			return
		}
	}
}

func middle() {
	setName("zl-orphan-mid")
	cmd := exec.Command("/proc/self/exe", "leaf")
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	cmd.ExtraFiles = []*os.File{os.NewFile(3, "report")}
	cmd.Env = append(os.Environ(), fmt.Sprintf("ZL_PROMISE_PARENT=%d", os.Getpid()))
	// The kernel tells the leaf when we die: no polling, no timing.
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGWINCH}
	if err := cmd.Start(); err != nil {
		fail(err)
	}
	os.Exit(0) // without waiting: the leaf is orphaned
}

func leaf() {
	// A zombie keeps only its kernel name: make it say what it is ("exe" otherwise, from /proc/self/exe).
	setName("zl-orphan")
	report := os.NewFile(3, "report")
	died := make(chan os.Signal, 1)
	signal.Notify(died, syscall.SIGWINCH)
	// SIGWINCH is ignored by default, so a death before Notify is caught by comparing parents instead.
	if fmt.Sprint(os.Getppid()) == os.Getenv("ZL_PROMISE_PARENT") {
		<-died
	}
	event("orphan-exiting pid=%d ppid=%d", os.Getpid(), os.Getppid())
	fmt.Fprintf(report, "%d %d\n", os.Getpid(), os.Getppid())
	os.Exit(0)
}

// setName sets the kernel's name of this process (prctl PR_SET_NAME), what ps shows for a zombie.
func setName(name string) {
	b := append([]byte(name), 0)
	syscall.RawSyscall(syscall.SYS_PRCTL, syscall.PR_SET_NAME, uintptr(unsafe.Pointer(&b[0])), 0)
}
