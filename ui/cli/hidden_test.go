package cli

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"time"

	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
	"werkstatt/store"
	"werkstatt/ui"
)

// The hidden commands exist only in the tests' build of werkstatt (the
// test binary started as werkstatt-test, see TestMain); tests that need a
// werkstatt process doing something a user cannot ask for run them. Run
// them with runHidden or the hidden path.
func init() {
	testCommands = []command{
		{"_hold", 1, (*cli).cmdHold},
		{"_feed", 1, (*cli).cmdFeed},
		{"_panic", 1, (*cli).cmdPanic},
		{"_live", 0, (*cli).cmdLive},
	}
}

// cmdHold opens the database and keeps it open for the given seconds, to
// hold the lock from a second process, as a running TUI would.
func (c *cli) cmdHold(fs *flag.FlagSet) func([]string) error {
	return func(args []string) error {
		secs, err := strconv.ParseFloat(args[0], 64)
		if err != nil || secs < 0 {
			return usageError{"", c.t("usage.flag.notnumber")}
		}
		return c.withStore(func(s *store.Store) error {
			fmt.Fprintln(c.stdout, "held")
			time.Sleep(time.Duration(secs * float64(time.Second)))
			return nil
		})
	}
}

// cmdFeed types the lines of stdin into the board of workshop HANDLE and
// saves each with Enter, through the TUI's own code path (feed), printing
// "saved <id> <text>" once a card is on disk. The crash test kills it at
// random moments and checks those promises.
func (c *cli) cmdFeed(fs *flag.FlagSet) func([]string) error {
	return func(args []string) error {
		return c.withStore(func(s *store.Store) error {
			w, err := c.findWorkshop(s, args[0])
			if err != nil {
				return err
			}
			return feed(s, c.lang, w.ID, c.stdin, c.stdout)
		})
	}
}

// cmdPanic starts the TUI on workshop HANDLE with a root model that panics
// on F12, run by ui.RunModel as `werkstatt open` runs the real one: a tmux
// test presses F12 and checks that the terminal is restored and the error
// is one line.
func (c *cli) cmdPanic(fs *flag.FlagSet) func([]string) error {
	return func(args []string) error {
		return c.withStore(func(s *store.Store) error {
			w, err := c.findWorkshop(s, args[0])
			if err != nil {
				return err
			}
			if !isTerminal(c.stdin) || !isTerminal(c.stdout) {
				return errors.New(c.t("err.notty"))
			}
			return ui.RunModel(panicking{ui.NewModel(ui.Config{Store: s, Lang: c.lang, Workshop: w.ID})})
		})
	}
}

// panicKey is the key on which cmdPanic's model panics.
const panicKey = "f12"

// panicking is the root model with a deliberate fault.
type panicking struct{ tea.Model }

func (p panicking) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == panicKey {
		panic("deliberate panic for the terminal restore test")
	}
	m, cmd := p.Model.Update(msg)
	return panicking{m}, cmd
}

// feed drives the real root model without a terminal: it opens the
// workshop, and for every line read from in types the line into the
// board's input key by key and presses Enter, exactly as a facilitator
// would. It writes "saved <card id> <text>" to out when the store's Apply
// of that card returned without error, that is once the card's transaction
// is committed and synced, so a line on out is a promise that the card is
// on disk. A line that did not become exactly one saved card is an error.
func feed(st ui.Store, lang model.Lang, workshop string, in io.Reader, out io.Writer) error {
	fs := &feedStore{Store: st, out: out}
	d := &teaDriver{m: ui.NewModel(ui.Config{
		Store: fs, Lang: lang, Workshop: workshop,
		After: func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil },
	})}
	d.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	d.run(d.m.Init())
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for n := 1; sc.Scan(); n++ {
		before := fs.saved
		for _, r := range sc.Text() {
			d.send(tea.KeyPressMsg{Code: r, Text: string(r)})
		}
		d.send(tea.KeyPressMsg{Code: tea.KeyEnter})
		if fs.err != nil {
			return fs.err
		}
		if fs.saved != before+1 {
			return fmt.Errorf("line %d became %d saved cards, want 1 (is workshop %s open on its board?)", n, fs.saved-before, workshop)
		}
	}
	return sc.Err()
}

// feedStore passes every call to the store and reports each card that an
// Apply wrote.
type feedStore struct {
	ui.Store
	out   io.Writer
	saved int
	err   error
}

func (f *feedStore) Apply(id string, ch model.Change) error {
	if err := f.Store.Apply(id, ch); err != nil {
		if f.err == nil {
			f.err = fmt.Errorf("save failed: %w", err)
		}
		return err
	}
	for _, c := range ch.Cards {
		fmt.Fprintf(f.out, "saved %s %s\n", c.ID, c.Text)
		f.saved++
	}
	return nil
}

// teaDriver runs a Bubble Tea model as the event loop does, but in one
// goroutine and synchronously: every message goes through Update, and the
// Cmds it returns run at once, depth first, their messages fed back. It
// reads only public results of Cmds (tea.BatchMsg, ui.SequenceMsg); the model's timers
// are switched off by its Config.After, so no Cmd sleeps.
type teaDriver struct{ m tea.Model }

func (d *teaDriver) send(msg tea.Msg) {
	var cmd tea.Cmd
	d.m, cmd = d.m.Update(msg)
	d.run(cmd)
}

func (d *teaDriver) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch m := cmd().(type) {
	case nil, tea.QuitMsg, tea.RawMsg:
	case tea.BatchMsg, ui.SequenceMsg:
		var cmds []tea.Cmd
		if b, ok := m.(tea.BatchMsg); ok {
			cmds = b
		} else {
			cmds = m.(ui.SequenceMsg)
		}
		for _, c := range cmds {
			d.run(c)
		}
	default:
		d.send(m)
	}
}
