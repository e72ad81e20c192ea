// Package ui is werkstatt's terminal user interface: one Bubble Tea root
// model (app.go) with a screen per file, all sharing one context
// (shared.go), a string catalogue per language and one set of styles.
package ui

import (
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"werkstatt/model"
	"werkstatt/ui/live"
)

// Config says what the TUI opens.
type Config struct {
	Store    Store // *store.Store, or a wrapper of one
	Lang     model.Lang
	Workshop string // id of the workshop to open; "" for the home screen
	Phase    string // phase id to open in; "" for the workshop's current phase

	// Draft is a text for the board's input when it first opens: a
	// table's unsent card from its last session (ui/serve keeps it).
	Draft string

	// Serving starts, stops and reports the hall's SSH server (the live
	// panel, F9, and the line above the status line); nil without it.
	Serving Serving

	// Now is the clock; nil is time.Now.
	Now func() time.Time
	// After makes the Cmd of every timer (the countdown's tick, the
	// status line's expiry, the spinner): fn's message after d. Nil is
	// tea.Tick. A program driven without a terminal, one message at a
	// time, gives a function that returns nil, so no Cmd sleeps.
	After func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd
	// PhoneURL is the address of the phones' page with its PIN
	// ("http://192.168.1.20:8080/?pin=4711"), or "" while it does not
	// run; nil without `serve`. F10 shows it as a QR code.
	PhoneURL func() string

	// The live hall (livepeer.go). Role is what this TUI may do: the
	// facilitator (the zero value) and RoleModeration everything, a
	// RoleStation writes cards on the facilitator's phase with Label as
	// their group, RoleProjector shows the wall. Store is then the peer's
	// *live.Conn, whose Send the program's Send must become
	// (Conn.SetSend); the facilitator's TUI tells the hub where it is
	// through it.
	Role  live.Role
	Label string
	// Hub, for Run: the TUI joins it as the peer "facilitator" (Role,
	// Label) and works through its Conn instead of Store, so sessions
	// served from the same hub see its changes at once and it sees
	// theirs.
	Hub *live.Hub
}

// NewModel returns the root model that Run runs, for a program or a
// driver of one's own (the tests' drivers send it messages and run the
// Cmds it returns, as Bubble Tea does).
func NewModel(cfg Config) tea.Model { return newModel(cfg) }

func newModel(cfg Config) *app {
	now := cfg.Now
	if now == nil {
		now = time.Now
	}
	a := newApp(cfg.Store, cfg.Lang, now)
	a.stager, _ = cfg.Store.(stager)
	if cfg.After != nil {
		a.sh.after = cfg.After
	}
	a.qr.src = cfg.PhoneURL
	a.sh.keys.PhoneQR.SetEnabled(cfg.PhoneURL != nil) // the help names F10 only with phones
	// The record goes where the facilitator started werkstatt, as any
	// command-line tool writes its output; the database's folder is
	// hidden and not where one looks for a document.
	if dir, err := os.Getwd(); err == nil {
		a.sh.outDir = dir
	} else if home, err := os.UserHomeDir(); err == nil {
		a.sh.outDir = home
	}
	a.serve.srv = cfg.Serving
	a.sh.keys.Serve.SetEnabled(cfg.Serving != nil)
	a.setRole(cfg.Role, cfg.Label) // after the keys above: a follower has none of them
	if cfg.Draft != "" {
		a.boardScreen().input.set(cfg.Draft)
	}
	if cfg.Workshop != "" {
		a.opening(cfg.Workshop, cfg.Phase)
	}
	return a
}

// Run starts the TUI and returns when the user quits; texts the disk did
// not take (drafts.go) are printed to the terminal on the way out. A panic in Update
// or View is caught before Bubble Tea sees it: the program ends as on a
// normal quit (the terminal restored), the stack goes to a private file,
// and Run returns a one-line error naming that file, so main prints one
// line and exits non-zero. Bubble Tea's own catch stays for panics in a
// Cmd's goroutine.
func Run(cfg Config) error {
	var conn *live.Conn
	if cfg.Hub != nil {
		name := cfg.Label
		if name == "" {
			name = "facilitator"
		}
		conn = cfg.Hub.Join(live.Peer{Name: name, Role: cfg.Role})
		defer conn.Leave()
		cfg.Store = conn
	}
	startGC(time.Second)
	a := newModel(cfg)
	if keys := typedAhead(os.Stdin); len(keys) > 0 {
		a.held = keys
		a.priming = cfg.Workshop == ""
	}
	err := runModel(a, func(p *tea.Program) {
		if conn != nil {
			conn.SetSend(func(m any) { p.Send(m) })
		}
	})
	// Texts the disk never took go to the terminal, after it is
	// restored, so the facilitator can copy them; the program then ends
	// with an error.
	if n := len(a.sh.drafts); n > 0 {
		fmt.Print(a.unsavedReport())
		if err == nil {
			err = errors.New(a.sh.N("drafts.exit", n))
		}
	}
	return err
}

// startGC lets the heap grow to 16 MB before the garbage collector first
// runs, for the first d of the TUI (a second), then sets back what was set
// (Go's default, or GOGC). The start (the workshop list or a board, the
// first frames) allocates a few MB, and with the default the collector ran
// twice before the first frame of the home screen and five times before a
// board of 10,000 cards: on a busy machine each cycle's pauses and its
// worker on the other core cost more than the memory they gave back.
// Only the TUI does this; what its first second allocates is bounded by
// what the start reads.
func startGC(d time.Duration) {
	old := debug.SetGCPercent(400)
	time.AfterFunc(d, func() { debug.SetGCPercent(old) })
}

// RunModel runs m in the terminal as Run runs the root model, with the same
// handling of panics and interrupts; a test wraps the root model in one
// that panics, to prove that handling.
func RunModel(m tea.Model) error { return runModel(m, nil) }

// runModel is RunModel with a hook that gets the program before it runs
// (a live hub's Conn sends to it).
func runModel(m tea.Model, attach func(*tea.Program)) error {
	g := &guarded{m: m}
	// lipgloss found the terminal's colour profile for os.Stdout when the
	// program started (lipgloss.Writer); Bubble Tea would find it again,
	// and inside tmux each finding runs `tmux info`, a process of its own.
	p := tea.NewProgram(g, tea.WithColorProfile(lipgloss.Writer.Profile))
	g.quit = p.Quit
	if attach != nil {
		attach(p)
	}
	_, err := p.Run()
	if g.caught != nil {
		return g.caught
	}
	if errors.Is(err, tea.ErrProgramPanic) {
		return fmt.Errorf("internal error (the terminal was restored; your saved contributions are on disk): %w", err)
	}
	if errors.Is(err, tea.ErrInterrupted) {
		return nil
	}
	return err
}

// guarded wraps the root model and turns a panic in it into an orderly
// quit. After a panic it shows nothing and takes no more messages.
type guarded struct {
	m      tea.Model
	quit   func()
	caught error
}

func (g *guarded) Init() (cmd tea.Cmd) {
	defer g.recover(func() { cmd = tea.Quit })
	return g.m.Init()
}

func (g *guarded) Update(msg tea.Msg) (next tea.Model, cmd tea.Cmd) {
	if g.caught != nil {
		return g, tea.Quit
	}
	defer g.recover(func() { next, cmd = g, tea.Quit })
	m, cmd := g.m.Update(msg)
	g.m = m
	return g, cmd
}

func (g *guarded) View() (v tea.View) {
	if g.caught != nil {
		return tea.NewView("")
	}
	// View cannot return a command; Quit sends the quit message instead
	// (it does not block, and Bubble Tea restores the terminal on it).
	defer g.recover(func() { v = tea.NewView(""); go g.quit() })
	return g.m.View()
}

// recover catches a panic of the wrapped model, keeps it as the error Run
// returns, and calls then to end the program.
func (g *guarded) recover(then func()) {
	r := recover()
	if r == nil {
		return
	}
	where := "stderr"
	if f, err := os.CreateTemp("", "werkstatt-crash-*.txt"); err == nil { // 0600
		fmt.Fprintf(f, "werkstatt: internal error: %v\n\n%s", r, debug.Stack())
		f.Close()
		where = f.Name()
	} else {
		fmt.Fprintf(os.Stderr, "%s\n", debug.Stack())
	}
	g.caught = fmt.Errorf("internal error: %v (the terminal was restored; your saved contributions are on disk; details in %s)", r, where)
	then()
}
