package main

// pause: a Kubernetes pod's infra container, as its pause binary behaves (kubernetes/build/pause):
// PID 1 of the pod's shared PID namespace (shareProcessNamespace: true), it does nothing but collect
// every child it adopts and end on SIGINT or SIGTERM. The other containers of the pod join its PID
// namespace (docker run --pid container:<pause>), so an orphan of theirs is re-parented to it.

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func pause(args []string) {
	if len(args) > 0 {
		usage("pause takes no arguments")
	}
	if os.Getpid() != 1 {
		// Like Kubernetes' pause: a warning, not an error; only a PID 1 adopts the namespace's orphans.
		fmt.Fprintln(os.Stderr, "zl-helper pause: warning: not PID 1, so no orphan is re-parented to it")
	}
	signals := make(chan os.Signal, 8)
	signal.Notify(signals, syscall.SIGCHLD, syscall.SIGINT, syscall.SIGTERM)
	// Orphans adopted before the handler was in place sent their SIGCHLD to nobody: collect them now.
	reapAll()
	event("pause-ready pid=%d", os.Getpid())
	for s := range signals {
		if s == syscall.SIGCHLD {
			reapAll()
			continue
		}
		fmt.Fprintf(os.Stderr, "zl-helper pause: shutting down, got %v\n", s)
		os.Exit(0)
	}
}

// reapAll collects every child that has exited, without blocking, and says how many. Several exits may
// arrive as one SIGCHLD (signals of one kind do not queue), so it waits until none is left.
func reapAll() int {
	reaped := 0
	for {
		pid, err := syscall.Wait4(-1, nil, syscall.WNOHANG, nil)
		if err == syscall.EINTR {
			continue
		}
		if pid <= 0 || err != nil {
			return reaped // 0: children left, none exited yet; ECHILD: no children at all
		}
		reaped++
	}
}
