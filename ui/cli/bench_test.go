//go:build linux

package cli

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
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
//   - werkstatt=home-unchecked: the same on a file this user's werkstatt
//     has not proven consistent yet (a new HOME, so no check stamp, see
//     store/stamp.go): Open walks all 53 MB of the file before bbolt reads
//     a page, as after a copy, a crash or another program's write;
//   - werkstatt=open-10000: `werkstatt open` of the fixture's big workshop
//     until its board shows; the RSS is that of the 10,000-card board.
//
// werkstatt=home and open-10000 share one HOME, whose check stamp an
// untimed first start records, as the facilitator's second start of the
// day finds it. Until 2026-11-30 every run had a new HOME, so every run
// walked the whole file: that, not the home screen, was the growth from
// 1.9× to 5.6–7.6× and from 30 to 66 MB peak RSS in the README.
//
// The machine is shared, so each werkstatt sub-benchmark also starts the
// floor before each of its runs (untimed) and reports the median of its
// own runs over the median of those floor runs as x-floor, and the floor's
// median as floor-ms: a ratio of runs taken in turns.
//
// All include what the Go runtime and package initialisation cost, which
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
	home := b.TempDir()
	homeArgv := []string{bin, "--db", db, "--lang", "de"}
	b.StopTimer()
	startToFrame(b, homeArgv, "Bürgerforum", home) // records the check stamp in home
	b.StartTimer()

	for _, c := range []struct {
		name   string
		argv   []string
		marker string
		home   string // "" for a new one each run
	}{
		{"floor=tea-one-line", []string{floor}, "one line", home},
		{"werkstatt=home", homeArgv, "Bürgerforum", home},
		{"werkstatt=home-unchecked", homeArgv, "Bürgerforum", ""},
		{"werkstatt=open-10000", []string{bin, "--db", db, "--lang", "de", "open", big}, "Der", home},
	} {
		b.Run(c.name, func(b *testing.B) {
			var rss int64
			var runs, floors []time.Duration
			for b.Loop() {
				h := c.home
				b.StopTimer()
				if c.argv[0] != floor {
					d, _ := startToFrame(b, []string{floor}, "one line", home)
					floors = append(floors, d)
				}
				if h == "" {
					h = b.TempDir()
				}
				b.StartTimer()
				d, r := startToFrame(b, c.argv, c.marker, h)
				runs = append(runs, d)
				rss += r
			}
			b.ReportMetric(float64(rss)/float64(len(runs))/1024, "peak-RSS-MB")
			if len(floors) > 0 {
				f := median(floors)
				b.ReportMetric(float64(median(runs))/float64(f), "x-floor")
				b.ReportMetric(float64(f)/1e6, "floor-ms")
			}
		})
	}
}

// BenchmarkCommandProcess measures `werkstatt list` on an empty database
// and `werkstatt version` as whole processes against a hello-world Go
// binary (testdata/hello), each werkstatt run right after a hello run:
// ns/op is werkstatt's wall time, cpu-ms its CPU time (user and system,
// from the kernel's rusage), x-hello the median of its CPU times over the
// median of hello's, hello-cpu-ms hello's median. CPU, not wall time: the
// runs last a few milliseconds, and on a shared machine the wall time of
// so short a process is mostly waiting for a core. Issue 10's goal is
// list ≤ 3× hello.
func BenchmarkCommandProcess(b *testing.B) {
	dir := b.TempDir()
	hello := filepath.Join(dir, "hello")
	if out, err := exec.Command("go", "build", "-o", hello, "./testdata/hello").CombinedOutput(); err != nil {
		b.Fatalf("go build testdata/hello: %v\n%s", err, out)
	}
	db := filepath.Join(dir, "empty.db")
	environ := []string{"HOME=" + dir, "LANG=C", "PATH=" + os.Getenv("PATH")}
	cpuRun := func(b *testing.B, argv ...string) time.Duration {
		cmd := exec.Command(argv[0], argv[1:]...)
		cmd.Env = environ
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("%v: %v\n%s", argv, err, out)
		}
		return cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	}
	cpuRun(b, bin, "--db", db, "list") // creates the file
	for _, c := range []struct {
		name string
		argv []string
	}{
		{"werkstatt=list-empty", []string{bin, "--db", db, "list"}},
		{"werkstatt=version", []string{bin, "version"}},
	} {
		b.Run(c.name, func(b *testing.B) {
			var runs, hellos []time.Duration
			for b.Loop() {
				b.StopTimer()
				hellos = append(hellos, cpuRun(b, hello))
				b.StartTimer()
				runs = append(runs, cpuRun(b, c.argv...))
			}
			b.ReportMetric(float64(median(runs))/1e6, "cpu-ms")
			b.ReportMetric(float64(median(runs))/float64(median(hellos)), "x-hello")
			b.ReportMetric(float64(median(hellos))/1e6, "hello-cpu-ms")
		})
	}
}

// startToFrame starts argv on a new pseudo-terminal with HOME=home, waits
// until its output holds marker, sends ctrl+c and waits for the process to
// end. The timer runs from exec to the marker only. It returns that time
// and the process's peak RSS in KiB.
func startToFrame(b *testing.B, argv []string, marker, home string) (time.Duration, int64) {
	b.StopTimer()
	master, slave, err := openPTY(80, 24)
	if err != nil {
		b.Skipf("no pseudo-terminal here: %v", err)
	}
	defer master.Close()
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	cmd.Env = []string{"TERM=xterm-256color", "HOME=" + home, "PATH=" + os.Getenv("PATH")}
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
	start := time.Now()
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	var timeout bool
	select {
	case <-seen:
	case <-time.After(10 * time.Second):
		timeout = true
	}
	took := time.Since(start)
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
		return took, ru.Maxrss
	}
	return took, 0
}

// median returns the middle of ds (the upper one of an even count).
func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
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
