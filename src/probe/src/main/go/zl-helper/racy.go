// The exit-status race: whether an init keeps its child's exit status while it reaps orphans that die at
// the same moment. One try is a coin toss (a racy reaper wins it about half the time), so exit-race tries
// it many times in one container: it is PID 1 there, and runs the init under test again and again, each
// time as a child sub-reaper (so that the orphans are the init's, as they would be at PID 1).
//
//	zl-helper exit-race [--trials N] [--budget D] [--hung-after D] -- INIT... CHILD...
//	                                        runs INIT... CHILD... --code K, N times
//	zl-helper as-subreaper -- CMD...        registers as a child sub-reaper, then execs CMD
//	zl-helper race-child --orphans M --code K   leaves M orphans that die as it exits K
//	zl-helper racy-init [--on-wait-error N] -- CMD...
//	                                        go-reaper's pattern: a reaper goroutine in wait4(-1) racing
//	                                        exec.Cmd.Wait for its child; exits N (0) when the status was stolen
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"strconv"
	"syscall"
	"time"
)

// prSetChildSubreaper is PR_SET_CHILD_SUBREAPER (linux/prctl.h); the syscall package does not name it.
const prSetChildSubreaper = 36

// exitRace runs the command after "--" (the init under test, then its child) again and again, each time
// with "--code K" appended (K from 1 to 100, never 0), and counts the trials in which the init did not exit
// K. It reaps whatever is left to it (orphans of an init that exited before reaping them). It stops after
// --trials, or once --budget has passed (an init that starts slowly gets fewer trials; the event says so).
// A trial whose init has not exited --hung-after its start is killed and counted as hung, not lost: how
// long an init takes to exit is another promise's, and a slow one (npm on a busy machine) is no loss.
func exitRace(args []string) {
	fs := flag.NewFlagSet("exit-race", flag.ExitOnError)
	trials := fs.Int("trials", 50, "how many times to run the init")
	budget := fs.Duration("budget", 5*time.Second, "start no trial after this long")
	hungAfter := fs.Duration("hung-after", 15*time.Second, "kill a trial's init that has not exited after this long (hung)")
	fs.Parse(args)
	command := fs.Args()
	if len(command) > 0 && command[0] == "--" {
		command = command[1:]
	}
	if len(command) == 0 || *trials < 1 || *budget <= 0 || *hungAfter <= 0 {
		usage("exit-race needs --trials above 0, --budget and --hung-after above 0 and a command after --")
	}
	started := time.Now()
	ran, lost, hung := 0, 0, 0
	firstLost := ""
	for ran < *trials && (ran == 0 || time.Since(started) < *budget) {
		want := 1 + ran%100
		argv := append([]string{"/proc/self/exe", "as-subreaper", "--"}, command...)
		argv = append(argv, "--code", strconv.Itoa(want))
		got, timedOut, err := runTrial(argv, *hungAfter)
		if err != nil {
			fail(fmt.Errorf("trial %d: %w", ran+1, err))
		}
		ran++
		if timedOut {
			hung++
		} else if got != want {
			lost++
			if firstLost == "" {
				firstLost = fmt.Sprintf("trial %d: the child exited %d, the init %d", ran, want, got)
			}
		}
	}
	event("exit-race-done trials=%d of=%d lost=%d hung=%d took_ms=%d first_lost=%q", ran, *trials, lost, hung,
		time.Since(started).Milliseconds(), firstLost)
	os.Exit(0)
}

// runTrial starts argv and reaps every child until argv's process has ended; its exit code (128+n for
// signal n); timedOut when it had to be killed, after hungAfter.
func runTrial(argv []string, hungAfter time.Duration) (code int, timedOut bool, err error) {
	pid, err := syscall.ForkExec(argv[0], argv, &syscall.ProcAttr{Env: os.Environ(), Files: []uintptr{0, 1, 2}})
	if err != nil {
		return 0, false, err
	}
	killed := make(chan struct{})
	timer := time.AfterFunc(hungAfter, func() {
		close(killed)
		syscall.Kill(pid, syscall.SIGKILL)
	})
	defer timer.Stop()
	for {
		var status syscall.WaitStatus
		reaped, err := syscall.Wait4(-1, &status, 0, nil)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return 0, false, err
		}
		if reaped != pid {
			continue // an orphan its init left behind
		}
		select {
		case <-killed:
			timedOut = true
		default:
		}
		if status.Signaled() {
			return 128 + int(status.Signal()), timedOut, nil
		}
		return status.ExitStatus(), timedOut, nil
	}
}

// asSubreaper makes this process a child sub-reaper (orphans below it are re-parented to it, not to PID 1),
// which survives exec, and execs the command.
func asSubreaper(args []string) {
	if len(args) > 0 && args[0] == "--" {
		args = args[1:]
	}
	if len(args) == 0 {
		usage("as-subreaper needs a command after --")
	}
	if _, _, errno := syscall.RawSyscall(syscall.SYS_PRCTL, prSetChildSubreaper, 1, 0); errno != 0 {
		fail(fmt.Errorf("prctl(PR_SET_CHILD_SUBREAPER): %w", errno))
	}
	path, err := exec.LookPath(args[0])
	if err != nil {
		fail(err)
	}
	fail(syscall.Exec(path, args, os.Environ()))
}

// raceChild leaves --orphans orphans (each made through a middle process that exits at once), which wait
// on a pipe only it can write to; then it exits --code, which closes the pipe: the orphans die with it,
// and their adopter, the init, is told of their deaths and of its child's in the same instant.
func raceChild(args []string) {
	fs := flag.NewFlagSet("race-child", flag.ExitOnError)
	orphans := fs.Int("orphans", 3, "how many orphans die with it")
	code := fs.Int("code", -1, "exit code")
	fs.Parse(args)
	if *code < 0 || *code > 255 || *orphans < 1 {
		usage("race-child needs --orphans above 0 and --code 0..255")
	}
	reader, writer, err := os.Pipe()
	if err != nil {
		fail(err)
	}
	for i := 0; i < *orphans; i++ {
		middle := exec.Command("/proc/self/exe", "race-middle")
		middle.Stderr = os.Stderr
		middle.ExtraFiles = []*os.File{reader} // fd 3 in the middle and the orphan
		if err := middle.Run(); err != nil {
			fail(fmt.Errorf("orphan %d of %d: %w", i+1, *orphans, err))
		}
	}
	reader.Close()
	writer.Close() // the orphans read EOF now
	os.Exit(*code)
}

// raceMiddle starts the orphan and exits without waiting for it.
func raceMiddle() {
	leaf := exec.Command("/proc/self/exe", "race-orphan")
	leaf.Stderr = os.Stderr
	leaf.ExtraFiles = []*os.File{os.NewFile(3, "race")}
	if err := leaf.Start(); err != nil {
		fail(err)
	}
	os.Exit(0)
}

// raceOrphan waits for the end of its pipe (its grandparent's exit) and exits.
func raceOrphan() {
	setName("zl-race-orphan")
	io.Copy(io.Discard, os.NewFile(3, "race"))
	os.Exit(0)
}

// racyInit is go-reaper's pattern, for validate's own negative control and the PID 1 table's "go-reaper
// pattern" row: it forwards signals to its child and waits for it with exec.Cmd.Wait, while a goroutine,
// woken by SIGCHLD, calls wait4(-1) until ECHILD. When that goroutine takes the child's status first, Wait
// fails with ECHILD and it exits --on-wait-error: 0 (the default), as such a program's "no error to report"
// path does, or 1, as one that ends with log.Fatal does (the table's row).
func racyInit(args []string) {
	fs := flag.NewFlagSet("racy-init", flag.ExitOnError)
	onWaitError := fs.Int("on-wait-error", 0, "exit code when Wait fails (the status was stolen)")
	fs.Parse(args)
	if *onWaitError < 0 || *onWaitError > 255 {
		usage("racy-init needs --on-wait-error 0..255")
	}
	children := make(chan os.Signal, 1)
	signal.Notify(children, syscall.SIGCHLD)
	cmd := startChild("racy-init", fs.Args())
	signals := make(chan os.Signal, 4)
	signal.Notify(signals, forwarded...)
	go func() {
		for s := range signals {
			cmd.Process.Signal(s)
		}
	}()
	go func() {
		for range children {
			for {
				var status syscall.WaitStatus
				_, err := syscall.Wait4(-1, &status, 0, nil)
				if err == syscall.EINTR {
					continue
				}
				if err != nil {
					break // ECHILD: nobody left to wait for
				}
			}
		}
	}()
	err := cmd.Wait()
	var exited *exec.ExitError
	if errors.As(err, &exited) || err == nil {
		exitLike(cmd.ProcessState.Sys().(syscall.WaitStatus))
	}
	// Wait's ECHILD: the goroutine took the status.
	if *onWaitError != 0 {
		fmt.Fprintf(os.Stderr, "racy-init: waiting for %s: %v\n", cmd.Args[0], err)
	}
	os.Exit(*onWaitError)
}
