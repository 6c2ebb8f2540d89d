// flawed-init: one init that keeps every promise validate checks, and breaks exactly one when told to
// (--flaw). The negative controls of validate's promises are this one program with one flaw each, so a
// control cannot break a second promise by accident of being a different program.
//
//	zl-helper flawed-init [--flaw F] [--reap-limit N] -- CMD [ARG...]
//
// Without a flaw it is a good init: it forwards every signal tini forwards to its child, reaps every
// process it adopts on SIGCHLD, exits as its child did (its code, or 128+n) as soon as the child exits,
// starts the child with an empty signal mask, and exits 1 saying why when the exec fails. The flaws:
//
//	term-only       forwards SIGTERM only; the other signals are dropped, as the kernel drops them for a PID 1
//	                with no handler
//	outlives-child  exits only once no process at all is left, not when its child exits
//	blocked-mask    starts the child with every signal blocked (it blocks them all and forgets to
//	                unblock them before exec: the sigwait-loop init's bug)
//	exits-on-term   on SIGTERM, forwards it and exits 0 at once, leaving the child to the kernel's
//	                SIGKILL (what runit's runsvdir does, runsvdir(8))
//	exec-fail-zero  when the exec fails, exits 0 and says nothing
//	exec-fail-hang  when the exec fails, says nothing and never exits
//	reap-limit      reaps only the first --reap-limit processes it adopts, then its child alone
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"syscall"
	"time"
	"unsafe"
)

// tiniSignals are the signals tini forwards that a test child can wait for (tini forwards every signal
// but SIGCHLD and the synchronous ones; these are the ones users send: docker stop, Ctrl-C, reload, log
// reopening, thread dumps, terminal resizes).
var tiniSignals = []syscall.Signal{syscall.SIGTERM, syscall.SIGINT, syscall.SIGHUP, syscall.SIGQUIT,
	syscall.SIGUSR1, syscall.SIGUSR2, syscall.SIGWINCH}

var tiniSignalNames = map[syscall.Signal]string{syscall.SIGTERM: "TERM", syscall.SIGINT: "INT", syscall.SIGHUP: "HUP",
	syscall.SIGQUIT: "QUIT", syscall.SIGUSR1: "USR1", syscall.SIGUSR2: "USR2", syscall.SIGWINCH: "WINCH"}

var flaws = []string{"term-only", "outlives-child", "blocked-mask", "exits-on-term", "exec-fail-zero", "exec-fail-hang", "reap-limit"}

func flawedInit(args []string) {
	fs := flag.NewFlagSet("flawed-init", flag.ExitOnError)
	flaw := fs.String("flaw", "", "the one promise to break: "+strings.Join(flaws, ", "))
	reapLimit := fs.Int("reap-limit", 400, "with --flaw reap-limit: how many adopted processes it reaps")
	fs.Parse(args)
	if *flaw != "" && !contains(flaws, *flaw) {
		usage("flawed-init: unknown --flaw " + *flaw + " (one of " + strings.Join(flaws, ", ") + ")")
	}
	command := fs.Args()
	if len(command) > 0 && command[0] == "--" {
		command = command[1:]
	}
	if len(command) == 0 {
		usage("flawed-init needs a command after --")
	}
	sigs := make(chan os.Signal, 64)
	for _, s := range tiniSignals {
		signal.Notify(sigs, s)
	}
	signal.Notify(sigs, syscall.SIGCHLD)
	child, err := startFlawedChild(command, *flaw == "blocked-mask")
	if err != nil {
		switch *flaw {
		case "exec-fail-zero":
			os.Exit(0)
		case "exec-fail-hang":
			select {}
		}
		fmt.Fprintf(os.Stderr, "zl-helper flawed-init: exec %s failed: %v\n", command[0], err)
		os.Exit(1)
	}
	event("flawed-init-started pid=%d child=%d flaw=%s", os.Getpid(), child, orNone(*flaw))
	adopted := 0
	childEnded := false
	var childStatus syscall.WaitStatus
	for s := range sigs {
		if s != syscall.SIGCHLD {
			if *flaw == "term-only" && s != syscall.SIGTERM {
				// Dropped, as the kernel drops a signal to a PID 1 with no handler for it. Not signal.Ignore: an
				// ignored disposition is inherited across exec, and that would break clean-signal-mask too.
				continue
			}
			syscall.Kill(child, s.(syscall.Signal))
			if *flaw == "exits-on-term" && s == syscall.SIGTERM {
				// A beat for the child to log that it got it, nowhere near enough for it to shut down.
				time.Sleep(20 * time.Millisecond)
				os.Exit(0)
			}
			continue
		}
		limited := *flaw == "reap-limit" && adopted >= *reapLimit
		status, ended, noneLeft, reaped := reapChildren(child, limited)
		adopted += reaped
		if ended {
			childEnded, childStatus = true, status
		}
		if childEnded && (*flaw != "outlives-child" || noneLeft) {
			exitLike(childStatus)
		}
	}
}

// reapChildren reaps every child that has exited (only the child, when limited) and says whether the child
// was among them (with its status), whether no child at all is left, and how many others it reaped.
func reapChildren(child int, limited bool) (status syscall.WaitStatus, childEnded, noneLeft bool, others int) {
	target := -1
	if limited {
		target = child
	}
	for {
		var ws syscall.WaitStatus
		pid, err := syscall.Wait4(target, &ws, syscall.WNOHANG, nil)
		if err == syscall.EINTR {
			continue
		}
		if err == syscall.ECHILD {
			return status, childEnded, true, others
		}
		if pid <= 0 || err != nil {
			return status, childEnded, false, others
		}
		if pid == child {
			status, childEnded = ws, true
			if limited {
				return status, childEnded, false, others
			}
		} else {
			others++
		}
	}
}

// startFlawedChild starts the command as the init's child. blocked: with every signal blocked, as a C
// init does that blocks all signals for its sigwait loop and forgets to unblock them in the child before
// exec. Go's own fork gives the child the mask the runtime started with, less the signals the runtime
// needs, so that child is forked by hand: every signal blocked on this (the main, locked) thread, a raw
// fork whose child only execs (or says it could not and exits 127), and the mask restored.
func startFlawedChild(command []string, blocked bool) (int, error) {
	if !blocked {
		cmd := exec.Command(command[0], command[1:]...)
		cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
		if err := cmd.Start(); err != nil {
			return 0, err
		}
		return cmd.Process.Pid, nil
	}
	path, err := exec.LookPath(command[0])
	if err != nil {
		return 0, err
	}
	argv0, err := syscall.BytePtrFromString(path)
	if err != nil {
		return 0, err
	}
	argv, err := syscall.SlicePtrFromStrings(command)
	if err != nil {
		return 0, err
	}
	envv, err := syscall.SlicePtrFromStrings(os.Environ())
	if err != nil {
		return 0, err
	}
	failed := []byte("zl-helper flawed-init: exec failed\n")
	all, old := ^uint64(0), uint64(0)
	syscall.RawSyscall6(syscall.SYS_RT_SIGPROCMASK, 2 /* SIG_SETMASK */, uintptr(unsafe.Pointer(&all)), uintptr(unsafe.Pointer(&old)), 8, 0, 0)
	pid, _, errno := syscall.RawSyscall6(syscall.SYS_CLONE, uintptr(syscall.SIGCHLD), 0, 0, 0, 0, 0)
	if pid == 0 && errno == 0 {
		// The child: nothing but raw system calls until exec.
		syscall.RawSyscall(syscall.SYS_EXECVE, uintptr(unsafe.Pointer(argv0)), uintptr(unsafe.Pointer(&argv[0])), uintptr(unsafe.Pointer(&envv[0])))
		syscall.RawSyscall(syscall.SYS_WRITE, 2, uintptr(unsafe.Pointer(&failed[0])), uintptr(len(failed)))
		syscall.RawSyscall(syscall.SYS_EXIT_GROUP, 127, 0, 0)
	}
	syscall.RawSyscall6(syscall.SYS_RT_SIGPROCMASK, 2, uintptr(unsafe.Pointer(&old)), 0, 8, 0, 0)
	if errno != 0 {
		return 0, errno
	}
	return int(pid), nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
