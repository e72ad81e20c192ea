package serve

import (
	"bytes"
	"errors"
	"io"
	"net"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/vt"
	gossh "golang.org/x/crypto/ssh"

	"werkstatt/model"
	"werkstatt/store"
	"werkstatt/ui"
	"werkstatt/ui/live"
)

// The tests run a real hub on a real bbolt file, a real SSH server on
// 127.0.0.1 and a free port, and real SSH clients (x/crypto/ssh) with a
// PTY whose output goes into a terminal emulator, so they read the screen
// a table sees.

// patience bounds every wait for a screen: far above what a loaded
// machine needs, so a wait only runs out when the thing never comes.
const patience = 20 * time.Second

const testPIN = "4711"

type hall struct {
	t   *testing.T
	st  *store.Store
	hub *live.Hub
	srv *Server
	ws  model.Workshop
	dir string
}

// newHall opens a store with one workshop in its critique phase, a hub on
// it, and a server with opt (PIN 4711 unless set).
func newHall(t *testing.T, opt Options) *hall {
	t.Helper()
	return newHallWith(t, opt, nil)
}

// newHallWith is newHall with the workshop changed by edit before it is
// stored (another method, another phase).
func newHallWith(t *testing.T, opt Options, edit func(w *model.Workshop)) *hall {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Open(filepath.Join(dir, "werkstatt.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ws := model.Workshop{Title: "Werkstatt Au", Participants: 20, Dots: 3, Method: model.MethodZukunftswerkstatt, Phase: "critique"}
	if edit != nil {
		edit(&ws)
	}
	if err := st.CreateWorkshop(&ws); err != nil {
		t.Fatal(err)
	}
	h := &hall{t: t, st: st, hub: live.New(st), ws: ws, dir: dir}
	if opt.PIN == "" {
		opt.PIN = testPIN
	}
	opt.Listen, opt.Workshop, opt.Lang = "127.0.0.1", ws.ID, model.German
	if opt.HostKey == "" {
		opt.HostKey = HostKeyPath(st.Path())
	}
	h.srv, err = Start(h.hub, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.srv.Close() })
	return h
}

func (h *hall) addr() string { return net.JoinHostPort("127.0.0.1", strconv.Itoa(h.srv.Port())) }

// dial logs in as user with pin.
func (h *hall) dial(user, pin string) (*gossh.Client, error) {
	return gossh.Dial("tcp", h.addr(), &gossh.ClientConfig{
		User:            user,
		Auth:            []gossh.AuthMethod{gossh.Password(pin)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         patience,
	})
}

// term is one session with a PTY, drawn into an emulator.
type term struct {
	t      *testing.T
	client *gossh.Client
	sess   *gossh.Session
	stdin  io.WriteCloser
	mu     sync.Mutex
	emu    *vt.Emulator
	raw    bytes.Buffer // everything the session wrote, also after the program
	done   chan struct{}
	err    error // the session's end
}

// open logs in as user with the PIN and starts the program in a w×h PTY.
func (h *hall) open(user string, w, hgt int) *term {
	h.t.Helper()
	c, err := h.dial(user, testPIN)
	if err != nil {
		h.t.Fatalf("%s: %v", user, err)
	}
	return h.shell(c, w, hgt)
}

func (h *hall) shell(c *gossh.Client, w, hgt int) *term {
	h.t.Helper()
	tm := &term{t: h.t, client: c, emu: vt.NewEmulator(w, hgt), done: make(chan struct{})}
	h.t.Cleanup(func() { c.Close() })
	sess, err := c.NewSession()
	if err != nil {
		h.t.Fatal(err)
	}
	tm.sess = sess
	if err := sess.RequestPty("xterm-256color", hgt, w, gossh.TerminalModes{}); err != nil {
		h.t.Fatal(err)
	}
	tm.stdin, _ = sess.StdinPipe()
	out, _ := sess.StdoutPipe()
	errOut, _ := sess.StderrPipe()
	errDone := make(chan struct{})
	go func() {
		b, _ := io.ReadAll(errOut)
		tm.mu.Lock()
		tm.raw.Write(b)
		tm.mu.Unlock()
		close(errDone)
	}()
	if err := sess.Shell(); err != nil {
		h.t.Fatal(err)
	}
	// The emulator answers the program's queries (background colour,
	// cursor position) as a terminal does.
	go tm.answer(tm.emu)
	go func() {
		buf := make([]byte, 32<<10)
		for {
			n, err := out.Read(buf)
			if n > 0 {
				tm.mu.Lock()
				tm.raw.Write(buf[:n])
				tm.draw(buf[:n])
				tm.mu.Unlock()
			}
			if err != nil {
				break
			}
		}
		<-errDone
		tm.err = sess.Wait()
		close(tm.done)
	}()
	return tm
}

// draw feeds output to the emulator. The emulator (x/vt) can panic on a
// scroll made for a bigger window than it has, which a resize storm
// produces (frames for 300×2 arriving after it became 90×26): then it
// starts blank at its size, and the program's next full repaint (the one
// after the last resize) draws the screen anew. Called with tm.mu held.
func (tm *term) draw(p []byte) {
	defer func() {
		if recover() != nil {
			tm.emu = vt.NewEmulator(tm.emu.Width(), tm.emu.Height())
			go tm.answer(tm.emu)
		}
	}()
	tm.emu.Write(p)
}

// answer hands the emulator's replies (to the program's queries) to the
// program, as a terminal does.
func (tm *term) answer(emu *vt.Emulator) {
	buf := make([]byte, 512)
	for {
		n, err := emu.Read(buf)
		if n > 0 {
			tm.stdin.Write(buf[:n])
		}
		if err != nil {
			return
		}
	}
}

// screen is the terminal's text now.
func (tm *term) screen() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.emu.String()
}

func (tm *term) output() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.raw.String()
}

// waitFor waits until the screen shows want.
func (tm *term) waitFor(want string) {
	tm.t.Helper()
	deadline := time.Now().Add(patience)
	for time.Now().Before(deadline) {
		if strings.Contains(tm.screen(), want) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	tm.t.Fatalf("screen never showed %q; it shows:\n%s", want, tm.screen())
}

// typeText sends text as keys (a line per Enter with \r).
func (tm *term) typeText(s string) {
	tm.t.Helper()
	if _, err := io.WriteString(tm.stdin, s); err != nil {
		tm.t.Fatal(err)
	}
}

// wait waits for the session to end and returns its exit status.
func (tm *term) wait() int {
	tm.t.Helper()
	select {
	case <-tm.done:
	case <-time.After(patience):
		tm.t.Fatalf("session did not end; output:\n%s", tm.output())
	}
	var ee *gossh.ExitError
	if errors.As(tm.err, &ee) {
		return ee.ExitStatus()
	}
	return 0
}

// local runs the facilitator's own TUI on the hub as a program without a
// terminal, drawn into an emulator: the model the facilitator sees.
type local struct {
	emu  *vt.Emulator
	mu   sync.Mutex
	prog *tea.Program
	in   *io.PipeWriter
	done chan struct{}
}

func (h *hall) facilitator(w, hgt int) *local {
	h.t.Helper()
	conn := h.hub.Join(live.Peer{Name: "facilitator", Role: live.RoleFacilitator})
	l := &local{emu: vt.NewEmulator(w, hgt), done: make(chan struct{})}
	pr, pw := io.Pipe()
	l.in = pw
	out := writerFunc(func(p []byte) (int, error) {
		l.mu.Lock()
		defer l.mu.Unlock()
		return l.emu.Write(p)
	})
	m := ui.NewModel(ui.Config{Store: conn, Role: live.RoleFacilitator, Lang: model.German, Workshop: h.ws.ID})
	l.prog = tea.NewProgram(m, tea.WithInput(pr), tea.WithOutput(out), tea.WithWindowSize(w, hgt),
		tea.WithoutSignalHandler(), tea.WithEnvironment([]string{"TERM=xterm-256color"}))
	conn.SetSend(func(msg any) { l.prog.Send(msg) })
	go func() {
		buf := make([]byte, 512)
		for {
			n, err := l.emu.Read(buf)
			if n > 0 {
				pw.Write(buf[:n])
			}
			if err != nil {
				return
			}
		}
	}()
	go func() { l.prog.Run(); conn.Leave(); close(l.done) }()
	h.t.Cleanup(func() {
		l.prog.Quit()
		select {
		case <-l.done:
		case <-time.After(patience):
		}
		pw.Close()
	})
	return l
}

func (l *local) screen() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.emu.String()
}

func (l *local) waitFor(t *testing.T, want string) {
	t.Helper()
	deadline := time.Now().Add(patience)
	for time.Now().Before(deadline) {
		if strings.Contains(l.screen(), want) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("facilitator's screen never showed %q; it shows:\n%s", want, l.screen())
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }
