// zl-helper is zombielab's one static binary (no libc, no shell, nothing needed from the image it runs
// in). zombielab's jar carries it for linux/amd64 and linux/arm64 and turns it into an image FROM scratch.
// It has three jobs:
//
// The probe sidecar, started in the PID namespace of the container under observation
// (docker run --pid container:<id>), in a cgroup of its own:
//
//	zl-helper serve [--port P] [--container ID]  answers snapshot, orphans and ping requests on TCP
//
// A Kubernetes pod's infra container (the lab's pod and pod-shared reapers), PID 1 of its own PID
// namespace, which the pod's other containers join (docker run --pid container:<id>) when the pod
// shares it (shareProcessNamespace: true):
//
//	zl-helper pause                              reaps every child on SIGCHLD, exits 0 on SIGINT/SIGTERM
//
// The promise kit, copied into an init's container and run as the init's child (zombielab validate):
//
//	zl-helper orphans --count N [--watch-ms W] [--then-exit C]
//	                                             N orphans that exit only once re-parented (--watch-ms: time each reap)
//	zl-helper wait-signal                        waits for a signal, exits 128+n
//	zl-helper exit --code N | --signal NAME      exits N, or dies of the signal
//	zl-helper group --children N [--own-group]   N wait-signal children, in its group or their own
//	zl-helper inert-init -- CMD [ARG...]         an init that forgets to reap, like a Go service at PID 1
//	zl-helper timer-init [--every D] -- CMD ...  an init that reaps on a timer, every D, not on SIGCHLD (slow)
//	zl-helper deaf-init -- CMD [ARG...]          an init that reaps but forwards no signal
//	zl-helper flawed-init [--flaw F] -- CMD ...  a good init, or one with exactly one flaw (testinits_flawed.go)
//	zl-helper signals | leave-daemon | signal-mask | on-stop | storm
//	                                             the test children of the promises in promise_more.go
//
// Every line for the harness is "zombielab-event <name> key=value ..." on stdout (promise kit) or a
// line of the sidecar protocol (see serve.go).
package main

import (
	"fmt"
	"os"
	"runtime"
)

// The main goroutine stays on the main thread, so that what a subcommand sets on "its" thread (the
// kernel's name of the process) is set on the process.
func init() {
	runtime.LockOSThread()
}

const usageText = "usage: zl-helper serve [--port P] [--container ID] | pause | orphans --count N [--watch-ms W] [--then-exit C] | " +
	"wait-signal | exit --code N | exit --signal NAME | group --children N [--own-group] | inert-init -- CMD [ARG...] | " +
	"timer-init [--every D] -- CMD [ARG...] | deaf-init -- CMD [ARG...]"

func usage(message string) {
	fmt.Fprintln(os.Stderr, "zl-helper: "+message)
	fmt.Fprintln(os.Stderr, usageText)
	os.Exit(2)
}

func main() {
	if len(os.Args) < 2 {
		usage("no subcommand")
	}
	args := os.Args[2:]
	switch os.Args[1] {
	case "serve":
		serve(args)
	case "pause":
		pause(args)
	case "orphans":
		orphans(args)
	case "wait-signal":
		waitSignal(nil)
	case "exit":
		exitAs(args)
	case "group":
		group(args)
	case "inert-init":
		inertInit(args)
	case "timer-init":
		timerInit(args)
	case "deaf-init":
		deafInit(args)
	case "exit-race":
		exitRace(args)
	case "as-subreaper":
		asSubreaper(args)
	case "race-child":
		raceChild(args)
	case "race-middle":
		raceMiddle()
	case "race-orphan":
		raceOrphan()
	case "racy-init":
		racyInit(args)
	case "middle":
		middle()
	case "leaf":
		leaf()
	case "flawed-init":
		flawedInit(args)
	case "signals":
		signalsChild(args)
	case "leave-daemon":
		leaveDaemon(args)
	case "daemon":
		daemon()
	case "signal-mask":
		signalMask(args)
	case "on-stop":
		onStop(args)
	case "storm":
		storm(args)
	default:
		usage("unknown subcommand " + os.Args[1])
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "zl-helper:", err)
	os.Exit(1)
}
