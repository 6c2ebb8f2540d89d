package main

import (
	"bufio"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
	"unsafe"
)

// The test binary plays the processes the tests need: a child that exits at once, or pause itself.
const roleVariable = "ZL_HELPER_TEST_ROLE"

func TestMain(m *testing.M) {
	switch os.Getenv(roleVariable) {
	case "exit":
		os.Exit(0)
	case "pause":
		pause(nil)
	}
	os.Exit(m.Run())
}

// waitable says whether the child has exited for wait's purposes, without collecting it (waitid with
// WNOWAIT). A Go child's /proc/<pid>/stat says Z as soon as its main thread has exited, but wait sees it
// only once its other threads have too.
func waitable(pid int) bool {
	const pPid, wExited, wNoWait = 1, 4, 0x01000000
	var info [128]byte // siginfo_t; si_pid, at byte 16, stays 0 while the child is not waitable
	_, _, errno := syscall.Syscall6(syscall.SYS_WAITID, pPid, uintptr(pid), uintptr(unsafe.Pointer(&info[0])),
		wExited|syscall.WNOHANG|wNoWait, 0, 0)
	return errno == 0 && *(*int32)(unsafe.Pointer(&info[16])) == int32(pid)
}

// state is the one-letter state of /proc/<pid>/stat, "" once the pid is gone.
func state(pid int) string {
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return ""
	}
	fields := strings.Fields(string(stat[strings.LastIndexByte(string(stat), ')')+1:]))
	return fields[0]
}

// Several children that have died before pause looks (one SIGCHLD may stand for all of them) are
// collected in one go, and nothing is left for a second.
func TestReapAllCollectsEveryExitedChild(t *testing.T) {
	var children []int
	for i := 0; i < 3; i++ {
		// os.StartProcess, not exec.Cmd: nothing else in this test waits for these children.
		p, err := os.StartProcess("/proc/self/exe", []string{os.Args[0]},
			&os.ProcAttr{Env: append(os.Environ(), roleVariable+"=exit")})
		if err != nil {
			t.Fatal(err)
		}
		children = append(children, p.Pid)
	}
	for _, pid := range children {
		// Waits for the child to have exited, which takes milliseconds.
		for deadline := time.Now().Add(10 * time.Second); !waitable(pid); time.Sleep(5 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("child %d never exited (state %q)", pid, state(pid))
			}
		}
	}
	if n := reapAll(); n != 3 {
		t.Errorf("reaped %d children, want 3", n)
	}
	for _, pid := range children {
		if s := state(pid); s != "" {
			t.Errorf("child %d is still there after reapAll (state %s)", pid, s)
		}
	}
	if n := reapAll(); n != 0 {
		t.Errorf("a second reapAll reaped %d, want 0", n)
	}
}

// pause ends with exit code 0 on SIGTERM and on SIGINT, as Kubernetes' pause does (the kubelet's stop).
func TestPauseExitsZeroOnSigtermAndSigint(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		cmd := exec.Command("/proc/self/exe")
		cmd.Env = append(os.Environ(), roleVariable+"=pause")
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		ready, _ := bufio.NewReader(out).ReadString('\n')
		if !strings.HasPrefix(ready, "zombielab-event pause-ready pid=") {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("pause said %q, want its pause-ready event first", ready)
		}
		cmd.Process.Signal(sig)
		if err := cmd.Wait(); err != nil {
			t.Errorf("on %v pause ended with %v, want exit code 0", sig, err)
		}
	}
}
