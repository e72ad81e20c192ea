//go:build linux

package cli

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// BenchmarkStartProcess measures a real process from exec to its first
// frame on a terminal (a pseudo-terminal of 80×24 opened here), then ends it
// with ctrl+c as a user would. Each sub-benchmark also reports the peak
// resident memory of the process (the kernel's maxrss, what
// /usr/bin/time -v prints as "Maximum resident set size") as peak-RSS-MB.
//
//   - floor=tea-one-line: testdata/floor, the smallest Bubble Tea v2
//     program, drawing one line in the alternate screen;
//   - werkstatt=home: werkstatt on the fixture database (101 workshops,
//     60,000 contributions) until the home screen lists the workshops;
//   - werkstatt=open-10000: `werkstatt open` of the fixture's big workshop
//     until its board shows; the RSS is that of the 10,000-card board.
//
// Both include what the Go runtime and package initialisation cost, which
// the in-process BenchmarkStart in ui leaves out.
func BenchmarkStartProcess(b *testing.B) {
	dir := b.TempDir()
	floor := filepath.Join(dir, "floor")
	build := exec.Command("go", "build", "-o", floor, "./testdata/floor")
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("go build testdata/floor: %v\n%s", err, out)
	}
	db := filepath.Join(dir, "fixture.db")
	// The fixture is written by another process: a child's peak RSS
	// (maxrss) starts at what this process holds when it starts the child,
	// so this process must stay small.
	gen := exec.Command("go", "run", "./store/fixture/fixturegen", "-db", db)
	gen.Dir = filepath.Join("..", "..")
	out, err := gen.Output()
	if err != nil {
		b.Fatalf("go run ./store/fixture/fixturegen: %v", err)
	}
	big := strings.TrimSpace(string(out))

	for _, c := range []struct {
		name   string
		argv   []string
		marker string
	}{
		{"floor=tea-one-line", []string{floor}, "one line"},
		{"werkstatt=home", []string{bin, "--db", db, "--lang", "de"}, "Bürgerforum"},
		{"werkstatt=open-10000", []string{bin, "--db", db, "--lang", "de", "open", big}, "Der"},
	} {
		b.Run(c.name, func(b *testing.B) {
			var rss int64
			n := 0
			for b.Loop() {
				rss += startToFrame(b, c.argv, c.marker)
				n++
			}
			b.ReportMetric(float64(rss)/float64(n)/1024, "peak-RSS-MB")
		})
	}
}

// startToFrame starts argv on a new pseudo-terminal, waits until its output
// holds marker, sends ctrl+c and waits for the process to end. The timer
// runs from exec to the marker only. It returns the process's peak RSS in
// KiB.
func startToFrame(b *testing.B, argv []string, marker string) int64 {
	b.StopTimer()
	master, slave, err := openPTY(80, 24)
	if err != nil {
		b.Skipf("no pseudo-terminal here: %v", err)
	}
	defer master.Close()
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	cmd.Env = []string{"TERM=xterm-256color", "HOME=" + b.TempDir(), "PATH=" + os.Getenv("PATH")}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}

	seen := make(chan struct{})
	var mu sync.Mutex
	var screen bytes.Buffer
	done := make(chan struct{})
	go func() {
		// Read until the terminal closes, so the program never blocks on a
		// full terminal; signal once the marker has arrived.
		defer close(done)
		buf := make([]byte, 32*1024)
		found := false
		for {
			n, err := master.Read(buf)
			mu.Lock()
			screen.Write(buf[:n])
			if !found && bytes.Contains(screen.Bytes(), []byte(marker)) {
				found = true
				close(seen)
			}
			mu.Unlock()
			if err != nil {
				return
			}
		}
	}()

	b.StartTimer()
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	var timeout bool
	select {
	case <-seen:
	case <-time.After(10 * time.Second):
		timeout = true
	}
	b.StopTimer()
	slave.Close()
	_, _ = master.Write([]byte{3}) // ctrl+c
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	select {
	case err = <-exited:
	case <-time.After(10 * time.Second):
		_ = cmd.Process.Kill()
		err = <-exited
		timeout = true
	}
	master.Close()
	<-done
	if timeout || err != nil {
		mu.Lock()
		defer mu.Unlock()
		b.Fatalf("%v: marker %q seen: %v, exit: %v; output:\n%q", argv, marker, !timeout, err, screen.String())
	}
	b.StartTimer()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		return ru.Maxrss
	}
	return 0
}

// openPTY opens a new pseudo-terminal pair of the given size.
func openPTY(cols, rows int) (master, slave *os.File, err error) {
	master, err = os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil, nil, err
	}
	fd := int(master.Fd())
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		master.Close()
		return nil, nil, fmt.Errorf("unlock pty: %w", err)
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		master.Close()
		return nil, nil, fmt.Errorf("pty number: %w", err)
	}
	slave, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		master.Close()
		return nil, nil, err
	}
	ws := &unix.Winsize{Col: uint16(cols), Row: uint16(rows)}
	if err := unix.IoctlSetWinsize(int(slave.Fd()), unix.TIOCSWINSZ, ws); err != nil {
		master.Close()
		slave.Close()
		return nil, nil, err
	}
	return master, slave, nil
}
