// Command abrun runs programs in turns and prints, for each, the median
// of its wall times, CPU times (user + system, from the kernel's rusage)
// and peak RSS, and the ratios to the first program: the whole-process
// figures of the README's Performance section, A/B on a shared machine.
//
//	go build -o /tmp/abrun ./ui/cli/testdata/abrun
//	/tmp/abrun -n 21 'floor|one line|HOME|/tmp/floor' \
//	    'home|Bürgerforum|HOME|/tmp/werkstatt|--db|/tmp/fx.db|--lang|de'
//
// Each argument is name|marker|home|argv…: with -pty (the default) the
// program starts on a new 80×24 pseudo-terminal and its time runs from exec
// until its output holds marker, then it gets ctrl+c; with -pty=false it
// runs to its end. home is its HOME, or "fresh" for a new one each run
// (for werkstatt: no check stamp, so Open walks the file).
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"sort"
	"strings"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

type spec struct {
	name, marker, home string
	fresh              bool
	argv               []string
	wall, cpu          []float64
	rss                []float64
}

func main() {
	n := flag.Int("n", 15, "runs")
	pty := flag.Bool("pty", true, "pty and marker (else plain run to exit)")
	flag.Parse()
	var specs []*spec
	for _, a := range flag.Args() {
		// name|marker|home(fresh or dir)|argv...
		p := strings.Split(a, "|")
		s := &spec{name: p[0], marker: p[1], home: p[2], argv: p[3:]}
		if s.home == "fresh" {
			s.fresh = true
		}
		specs = append(specs, s)
	}
	for i := 0; i < *n; i++ {
		for _, s := range specs {
			home := s.home
			if s.fresh {
				home, _ = os.MkdirTemp("", "abhome")
			}
			w, c, r := run(s, home, *pty)
			if s.fresh {
				os.RemoveAll(home)
			}
			s.wall = append(s.wall, w)
			s.cpu = append(s.cpu, c)
			s.rss = append(s.rss, r)
		}
	}
	base := specs[0]
	for _, s := range specs {
		fmt.Printf("%-28s wall %7.2f ms (%.2fx)  cpu %7.2f ms (%.2fx)  rss %6.1f MB\n", s.name,
			med(s.wall), med(s.wall)/med(base.wall), med(s.cpu), med(s.cpu)/med(base.cpu), med(s.rss))
	}
}

func med(x []float64) float64 {
	y := append([]float64(nil), x...)
	sort.Float64s(y)
	return y[len(y)/2]
}

func run(s *spec, home string, pty bool) (wall, cpu, rss float64) {
	cmd := exec.Command(s.argv[0], s.argv[1:]...)
	cmd.Env = []string{"TERM=xterm-256color", "HOME=" + home, "PATH=" + os.Getenv("PATH")}
	if !pty {
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		t := time.Now()
		if err := cmd.Run(); err != nil {
			fmt.Fprintln(os.Stderr, s.name, err, out.String())
			os.Exit(1)
		}
		wall = float64(time.Since(t).Microseconds()) / 1000
		return wall, cpuOf(cmd), rssOf(cmd)
	}
	master, slave, err := openPTY(80, 24)
	if err != nil {
		panic(err)
	}
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	seen := make(chan struct{})
	done := make(chan struct{})
	var screen bytes.Buffer
	go func() {
		defer close(done)
		buf := make([]byte, 32*1024)
		found := false
		for {
			n, err := master.Read(buf)
			screen.Write(buf[:n])
			if !found && bytes.Contains(screen.Bytes(), []byte(s.marker)) {
				found = true
				close(seen)
			}
			if err != nil {
				return
			}
		}
	}()
	t := time.Now()
	if err := cmd.Start(); err != nil {
		panic(err)
	}
	select {
	case <-seen:
	case <-time.After(20 * time.Second):
		fmt.Fprintln(os.Stderr, "timeout", s.name)
		os.Exit(1)
	}
	wall = float64(time.Since(t).Microseconds()) / 1000
	slave.Close()
	master.Write([]byte{3})
	cmd.Wait()
	master.Close()
	<-done
	return wall, cpuOf(cmd), rssOf(cmd)
}

func cpuOf(cmd *exec.Cmd) float64 {
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e6
}
func rssOf(cmd *exec.Cmd) float64 {
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	return float64(ru.Maxrss) / 1024
}

func openPTY(cols, rows int) (master, slave *os.File, err error) {
	master, err = os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil, nil, err
	}
	fd := int(master.Fd())
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		return nil, nil, err
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		return nil, nil, err
	}
	slave, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		return nil, nil, err
	}
	ws := &unix.Winsize{Col: uint16(cols), Row: uint16(rows)}
	unix.IoctlSetWinsize(int(slave.Fd()), unix.TIOCSWINSZ, ws)
	return master, slave, nil
}
