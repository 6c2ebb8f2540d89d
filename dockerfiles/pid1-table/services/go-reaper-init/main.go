// A Go init as users write one with go-reaper's pattern (github.com/ramr/go-reaper's Reap: a goroutine that,
// on each SIGCHLD, calls wait4(-1) until ECHILD), standard library only: it starts its app with os/exec,
// forwards the signals docker sends, and exits with the app's code, or 128+n when a signal n ended it.
package main

import (
	"errors"
	"log"
	"os"
	"os/exec"
	"os/signal"
	"syscall"
)

func reap() {
	sigchld := make(chan os.Signal, 1)
	signal.Notify(sigchld, syscall.SIGCHLD)
	for range sigchld {
		for {
			var status syscall.WaitStatus
			_, err := syscall.Wait4(-1, &status, 0, nil)
			if err == syscall.EINTR {
				continue
			}
			if err != nil {
				break
			}
		}
	}
}

func main() {
	if len(os.Args) < 2 {
		log.Fatal("usage: go-reaper-init CMD [ARG...]")
	}
	go reap()
	cmd := exec.Command(os.Args[1], os.Args[2:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	if err := cmd.Start(); err != nil {
		log.Fatal(err)
	}
	signals := make(chan os.Signal, 4)
	signal.Notify(signals, syscall.SIGTERM, syscall.SIGINT, syscall.SIGHUP, syscall.SIGQUIT, syscall.SIGUSR1, syscall.SIGUSR2)
	go func() {
		for s := range signals {
			cmd.Process.Signal(s)
		}
	}()
	err := cmd.Wait()
	var exited *exec.ExitError
	if errors.As(err, &exited) {
		if status := exited.Sys().(syscall.WaitStatus); status.Signaled() {
			os.Exit(128 + int(status.Signal()))
		}
		os.Exit(exited.ExitCode())
	}
	if err != nil {
		log.Printf("waiting for %s: %v", os.Args[1], err)
		os.Exit(1)
	}
}
