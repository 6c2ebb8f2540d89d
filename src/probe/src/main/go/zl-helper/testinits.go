// Inits that break one promise each, for zombielab's own tests of validate (and for anyone's negative
// controls). Each runs CMD as its child and exits as the child did.
package main

import (
	"flag"
	"os"
	"os/exec"
	"os/signal"
	"syscall"
	"time"
)

// timerInit reaps on a timer, every --every, instead of on SIGCHLD: what a reaper that polls does.
// It forwards signals to its child at once. Orphans end up reaped, up to a period after they exit, its
// own child too: validate must call it slow, not good and not broken. After it forwards a signal its
// next look is a whole period away, so that how late it notices the child's exit on a stop is its
// period, not the timer's phase at the moment of the stop (a test of the grade must not be a coin toss).
func timerInit(args []string) {
	fs := flag.NewFlagSet("timer-init", flag.ExitOnError)
	every := fs.Duration("every", 3*time.Second, "how often it reaps")
	fs.Parse(args)
	if *every <= 0 {
		usage("--every must be above 0")
	}
	cmd := startChild("timer-init", fs.Args())
	signals := make(chan os.Signal, 4)
	signal.Notify(signals, forwarded...)
	event("timer-init-started pid=%d child=%d every_ms=%d", os.Getpid(), cmd.Process.Pid, every.Milliseconds())
	ticks := time.NewTicker(*every)
	for {
		select {
		case s := <-signals:
			cmd.Process.Signal(s)
			ticks.Reset(*every)
		case <-ticks.C:
			if status, done := reapFinding(cmd.Process.Pid); done {
				exitLike(status)
			}
		}
	}
}

// deafInit reaps on SIGCHLD like a good init but forwards no signal: docker stop's SIGTERM stops at it,
// and the engine's SIGKILL ends the container after the stop timeout.
func deafInit(args []string) {
	fs := flag.NewFlagSet("deaf-init", flag.ExitOnError)
	fs.Parse(args)
	cmd := startChild("deaf-init", fs.Args())
	signal.Ignore(forwarded...)
	children := make(chan os.Signal, 16)
	signal.Notify(children, syscall.SIGCHLD)
	event("deaf-init-started pid=%d child=%d", os.Getpid(), cmd.Process.Pid)
	for range children {
		if status, done := reapFinding(cmd.Process.Pid); done {
			exitLike(status)
		}
	}
}

// startChild starts the command after "--" with this process's standard streams.
func startChild(name string, args []string) *exec.Cmd {
	if len(args) > 0 && args[0] == "--" {
		args = args[1:]
	}
	if len(args) == 0 {
		usage(name + " needs a command after --")
	}
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	if err := cmd.Start(); err != nil {
		fail(err)
	}
	return cmd
}

// reapFinding reaps every child that has died, like pause's reapAll, and says whether child was among them
// (with its status).
func reapFinding(child int) (syscall.WaitStatus, bool) {
	var childStatus syscall.WaitStatus
	done := false
	for {
		var status syscall.WaitStatus
		pid, err := syscall.Wait4(-1, &status, syscall.WNOHANG, nil)
		if err == syscall.EINTR {
			continue
		}
		if pid <= 0 || err != nil {
			return childStatus, done
		}
		if pid == child {
			childStatus, done = status, true
		}
	}
}

// exitLike exits as the child did: its code, or 128+n for death by signal n.
func exitLike(status syscall.WaitStatus) {
	if status.Signaled() {
		os.Exit(128 + int(status.Signal()))
	}
	os.Exit(status.ExitStatus())
}
