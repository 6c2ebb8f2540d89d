package main

// The sidecar's protocol: one request a line on a TCP connection, each answered by lines that end
// with one starting with "end". A connection may carry any number of requests.
//
//	ping                         pong <pid>, end
//	snapshot                     a snapshot (snapshot.go), ending in "end <n>"
//	orphans <count> <window-ms> [<spread-ms>]
//	                             makes count orphans in the shared PID namespace (each exits once its
//	                             parent is gone, so the namespace's init adopts it; with a spread, they
//	                             exit evenly over it); then, per orphan,
//	                             "orphan <pid> adopted-by <ppid> reaped-after-us <n>" once it is gone, or
//	                             "orphan <pid> adopted-by <ppid> unreaped <state>" if it is still there
//	                             window-ms after the last orphan exited; end <count>
//
// A request that fails is answered "error <message>" then "end 0".

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

const procRoot = "/proc"

// observed is the id of the container whose cgroup snapshots report ("": the namespace's init's).
var observed string

func serve(args []string) {
	fs := flag.NewFlagSet("serve", flag.ExitOnError)
	port := fs.Int("port", 7071, "TCP port to listen on")
	fs.StringVar(&observed, "container", "", "id of the observed container, when it may not be PID 1 of the namespace")
	fs.Parse(args)
	listener, err := net.Listen("tcp", fmt.Sprintf(":%d", *port))
	if err != nil {
		fail(err)
	}
	event("sidecar-ready pid=%d port=%d", os.Getpid(), *port)
	for {
		conn, err := listener.Accept()
		if err != nil {
			fail(err)
		}
		go answer(conn)
	}
}

func answer(conn net.Conn) {
	defer conn.Close()
	requests := bufio.NewScanner(conn)
	out := bufio.NewWriter(conn)
	for requests.Scan() {
		if err := handle(out, strings.Fields(requests.Text())); err != nil {
			fmt.Fprintf(out, "error %s\nend 0\n", escape(err.Error()))
		}
		if out.Flush() != nil {
			return
		}
	}
}

func handle(out *bufio.Writer, request []string) error {
	if len(request) == 0 {
		return fmt.Errorf("empty request")
	}
	switch {
	case request[0] == "ping" && len(request) == 1:
		fmt.Fprintf(out, "pong %d\nend 0\n", os.Getpid())
		return nil
	case request[0] == "snapshot" && len(request) == 1:
		return writeSnapshot(out, procRoot, os.Getpid(), observed)
	case request[0] == "orphans" && (len(request) == 3 || len(request) == 4):
		count, err1 := strconv.Atoi(request[1])
		window, err2 := strconv.Atoi(request[2])
		spread, err3 := 0, error(nil)
		if len(request) == 4 {
			spread, err3 = strconv.Atoi(request[3])
		}
		if err1 != nil || err2 != nil || err3 != nil || count < 1 || count > 1000 || window < 0 || spread < 0 {
			return fmt.Errorf("orphans needs a count of 1..1000, a window in ms and optionally a spread in ms, got %q",
				strings.Join(request[1:], " "))
		}
		return makeOrphans(out, count, time.Duration(spread)*time.Millisecond, time.Duration(window)*time.Millisecond)
	}
	return fmt.Errorf("unknown request %q (known: ping, snapshot, orphans COUNT WINDOW_MS [SPREAD_MS])", strings.Join(request, " "))
}

// makeOrphans makes the orphans and answers, for each, how long its adopter took to reap it.
func makeOrphans(out io.Writer, count int, spread, window time.Duration) error {
	exits, spawned, err := spawnOrphans(count, spread, nil)
	if err != nil {
		return err
	}
	watchReaps(exits, window, func(r reap) {
		if r.reaped {
			fmt.Fprintf(out, "orphan %d adopted-by %d reaped-after-us %d\n", r.pid, r.adopter, r.after.Microseconds())
		} else {
			fmt.Fprintf(out, "orphan %d adopted-by %d unreaped %s\n", r.pid, r.adopter, r.state)
		}
	})
	if err := spawned(); err != nil {
		return err
	}
	fmt.Fprintf(out, "end %d\n", count)
	return nil
}

// stateOf is the state letter and start time of a process, or "" when there is none with that pid.
func stateOf(pid int) (state, start string) {
	data, err := os.ReadFile(filepath.Join(procRoot, strconv.Itoa(pid), "stat"))
	if err != nil {
		return "", ""
	}
	text := string(data)
	fields := strings.Fields(text[strings.LastIndex(text, ")")+1:])
	if len(fields) < 20 {
		return "", ""
	}
	return fields[0], fields[19]
}

func startTime(pid int) string {
	_, start := stateOf(pid)
	return start
}
