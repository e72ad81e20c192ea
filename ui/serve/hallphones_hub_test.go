package serve

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
	"werkstatt/store"
	"werkstatt/ui"
	"werkstatt/ui/live"
	"werkstatt/ui/phone"
)

// The hub process of TestHallPhones (hallphones_test.go): this test binary
// started again with WERKSTATT_HALL_PHONES_HUB set, and the test's side of it.

// runPhonesHub is the hub process: hub, SSH server, phones' server and
// the facilitator's TUI on db, until SIGTERM. It prints "READY <ssh port>
// <http port>", then "A <tag> <unix ns>" for each card the moment the
// facilitator's model has applied it, and "R" for each reload it got.
func runPhonesHub(t *testing.T, db, workshop string) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM)
	st, err := store.Open(db, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	hub := live.New(st)
	srv, err := Start(hub, Options{Listen: "127.0.0.1", PIN: perfPIN, Workshop: workshop, Lang: model.German, HostKey: HostKeyPath(db)})
	if err != nil {
		t.Fatal(err)
	}
	ph, err := phone.Start(hub, phone.Options{Listen: "127.0.0.1", PIN: perfPIN, Workshop: workshop})
	if err != nil {
		t.Fatal(err)
	}
	if prof := os.Getenv("HALL_PHONES_PROF"); prof != "" {
		defer profileHub(t, prof)()
	}
	out := bufio.NewWriter(os.Stdout)
	var omu sync.Mutex
	oseen := map[string]bool{}
	// A bare peer beside the TUI: when the hub's event reaches a peer
	// that does nothing with it (the hub's and the phone server's part).
	obs := hub.Join(live.Peer{Name: "observer", Role: live.RoleProjector, Send: func(msg any) {
		c, ok := msg.(live.Changed)
		if !ok {
			return
		}
		now := time.Now().UnixNano()
		omu.Lock()
		defer omu.Unlock()
		for _, k := range c.Change.Cards {
			if tag := hpTag.FindString(k.Text); tag != "" && !oseen[tag] {
				oseen[tag] = true
				fmt.Fprintf(out, "H %s %d\n", tag, now)
			}
		}
		out.Flush()
	}})
	defer obs.Leave()
	conn := hub.Join(live.Peer{Name: "facilitator", Role: live.RoleFacilitator})
	m := &noting{mu: &omu, m: ui.NewModel(ui.Config{Store: conn, Lang: model.German, Workshop: workshop,
		PhoneURL: func() string { return ph.URL("127.0.0.1") }}), out: out, seen: map[string]bool{}}
	prog := tea.NewProgram(m, tea.WithInput(nil), tea.WithOutput(io.Discard), tea.WithWindowSize(120, 40),
		tea.WithoutSignals(), tea.WithEnvironment([]string{"TERM=xterm-256color"}))
	conn.SetSend(func(msg any) { prog.Send(msg) })
	done := make(chan struct{})
	go func() { _, _ = prog.Run(); close(done) }()
	omu.Lock()
	fmt.Fprintf(out, "READY %d %d\n", srv.Port(), ph.Port())
	out.Flush()
	omu.Unlock()
	<-sig
	_ = ph.Close()
	_ = srv.Close()
	prog.Quit()
	<-done
	conn.Leave()
	omu.Lock()
	out.Flush()
	omu.Unlock()
}

// noting is the facilitator's root model, noting when each card got into
// it: after Update applied the hub's Changed, as the TUI applies it.
type noting struct {
	m    tea.Model
	mu   *sync.Mutex // the output's
	out  *bufio.Writer
	seen map[string]bool
}

func (n *noting) Init() tea.Cmd { return n.m.Init() }
func (n *noting) View() tea.View {
	return n.m.View()
}

func (n *noting) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m, cmd := n.m.Update(msg)
	n.m = m
	switch msg := msg.(type) {
	case live.Changed:
		now := time.Now().UnixNano()
		n.mu.Lock()
		for _, c := range msg.Change.Cards {
			if tag := hpTag.FindString(c.Text); tag != "" && !n.seen[tag] {
				n.seen[tag] = true
				fmt.Fprintf(n.out, "A %s %d\n", tag, now)
			}
		}
		n.out.Flush()
		n.mu.Unlock()
	case live.ReloadMsg:
		n.mu.Lock()
		fmt.Fprintln(n.out, "R")
		n.out.Flush()
		n.mu.Unlock()
	}
	return n, cmd
}

// phonesHub is the running hub process, seen from the test.
type phonesHub struct {
	cmd       *exec.Cmd
	ssh, http int
	mu        sync.Mutex
	arrived   map[string]time.Time // tag → in the facilitator's model
	atHub     map[string]time.Time // tag → at the bare peer
	reloads   int
	done      chan struct{}
	once      sync.Once
}

func startPhonesHub(t *testing.T, db, workshop string) *phonesHub {
	cmd := exec.Command(os.Args[0], "-test.run=^TestHallPhones$", "-test.count=1", "-test.timeout=15m") // never outlives a lost parent for long
	cmd.Env = append(os.Environ(), hallPhonesHubEnv+"="+db, hallPhonesWorkshopEnv+"="+workshop)
	cmd.Stderr = os.Stderr
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	h := &phonesHub{cmd: cmd, arrived: map[string]time.Time{}, atHub: map[string]time.Time{}, done: make(chan struct{})}
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if f := strings.Fields(sc.Text()); len(f) == 3 && f[0] == "READY" {
			h.ssh, _ = strconv.Atoi(f[1])
			h.http, _ = strconv.Atoi(f[2])
			break
		}
	}
	if h.ssh == 0 {
		_ = cmd.Wait()
		t.Fatal("the hub process did not start")
	}
	go func() {
		defer close(h.done)
		for sc.Scan() {
			f := strings.Fields(sc.Text())
			h.mu.Lock()
			switch {
			case len(f) == 3 && f[0] == "A":
				ns, _ := strconv.ParseInt(f[2], 10, 64)
				h.arrived[f[1]] = time.Unix(0, ns)
			case len(f) == 3 && f[0] == "H":
				ns, _ := strconv.ParseInt(f[2], 10, 64)
				h.atHub[f[1]] = time.Unix(0, ns)
			case len(f) == 1 && f[0] == "R":
				h.reloads++
			}
			h.mu.Unlock()
		}
	}()
	return h
}

// waitFor waits until n cards reached the facilitator, or none came for
// patience.
func (h *phonesHub) waitFor(n int, patience time.Duration) {
	last, since := -1, time.Now()
	for time.Since(since) < patience {
		h.mu.Lock()
		k := len(h.arrived)
		h.mu.Unlock()
		if k >= n {
			return
		}
		if k != last {
			last, since = k, time.Now()
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (h *phonesHub) stop() {
	h.once.Do(func() {
		_ = h.cmd.Process.Signal(syscall.SIGTERM)
		<-h.done
		_ = h.cmd.Wait()
	})
}

func (h *phonesHub) arrivals() (model, hub map[string]time.Time, reloads int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.arrived, h.atHub, h.reloads
}

// profileHub writes the hub process's CPU, mutex and block profiles into
// dir, and its heap at the end (HALL_PHONES_PROF=dir); call the returned
// func at the end.
func profileHub(t *testing.T, dir string) func() {
	f, err := os.Create(filepath.Join(dir, "cpu.pprof"))
	if err != nil {
		t.Fatal(err)
	}
	runtime.SetMutexProfileFraction(5)
	runtime.SetBlockProfileRate(int(time.Millisecond))
	_ = pprof.StartCPUProfile(f)
	return func() {
		pprof.StopCPUProfile()
		f.Close()
		for _, name := range []string{"mutex", "block", "heap"} {
			if g, err := os.Create(filepath.Join(dir, name+".pprof")); err == nil {
				_ = pprof.Lookup(name).WriteTo(g, 0)
				g.Close()
			}
		}
	}
}
