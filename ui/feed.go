package ui

import (
	"bufio"
	"fmt"
	"io"
	"reflect"
	"runtime"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
)

// Feed drives the real root model without a terminal: it opens the
// workshop, and for every line read from in types the line into the board's
// input key by key and presses Enter, exactly as a facilitator would. It
// writes "saved <card id> <text>" to out only after the ordered writer
// reported that card's write as committed, so a line on out is a promise
// that the card is on disk. The crash test (ui/cli/crash_test.go) kills the
// process at random moments and holds the file to those promises.
//
// Feed is a test instrument behind the hidden `werkstatt _feed` command;
// it is not part of the user interface.
func Feed(st Store, lang model.Lang, workshop string, in io.Reader, out io.Writer) error {
	d := newDriver(st, lang, time.Now)
	d.onSaved = func(wr write, err error) {
		if err != nil {
			d.err = fmt.Errorf("save failed: %w", err)
			return
		}
		for _, c := range wr.change.Cards {
			fmt.Fprintf(out, "saved %s %s\n", c.ID, c.Text)
		}
	}
	d.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	d.send(openMsg{id: workshop})
	if d.app.sh.ws == nil || d.app.cur != screenBoard {
		return fmt.Errorf("workshop %s did not open on the board: %s", workshop, d.app.status)
	}
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for sc.Scan() {
		for _, r := range sc.Text() {
			d.send(tea.KeyPressMsg{Code: r, Text: string(r)})
		}
		d.send(tea.KeyPressMsg{Code: tea.KeyEnter})
		if d.err != nil {
			return d.err
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	if !d.app.sh.w.idle() {
		return fmt.Errorf("writes still queued after the input ended")
	}
	return d.err
}

// driver runs the root model the way Bubble Tea's event loop does, but in
// one goroutine and synchronously: every message goes through Update, and
// the Cmds it returns are run at once, depth first, their messages fed back.
// Timers are not waited for: a Cmd made by tea.Tick or tea.Every is
// dropped, and the app's own timers (status clear, countdown) are switched
// off, so a driven session never sleeps.
type driver struct {
	app *app
	// onSaved, if set, sees each finished write just after the root model
	// handled its savedMsg.
	onSaved func(wr write, err error)
	err     error
}

func newDriver(st Store, lang model.Lang, now func() time.Time) *driver {
	a := newApp(st, lang, now)
	a.sh.after = func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }
	d := &driver{app: a}
	d.run(a.Init())
	return d
}

// send passes one message to the root model and runs what it returns.
func (d *driver) send(msg tea.Msg) {
	var wr write
	var isSave bool
	if m, ok := msg.(savedMsg); ok && d.onSaved != nil {
		if q := d.app.sh.w.queue; len(q) > 0 && q[0].seq == m.seq {
			wr, isSave = q[0], true
		}
	}
	_, cmd := d.app.Update(msg)
	if isSave {
		d.onSaved(wr, msg.(savedMsg).err)
	}
	d.run(cmd)
}

// run executes cmd and feeds the resulting messages back.
func (d *driver) run(cmd tea.Cmd) {
	if cmd == nil || isTimer(cmd) {
		return
	}
	switch m := cmd().(type) {
	case nil, tea.QuitMsg, tea.RawMsg, tickMsg, clearStatusMsg:
	case tea.BatchMsg:
		for _, c := range m {
			d.run(c)
		}
	default:
		if cmds, ok := sequence(m); ok {
			for _, c := range cmds {
				d.run(c)
			}
			return
		}
		d.send(m)
	}
}

// isTimer reports whether cmd is a closure made by tea.Tick or tea.Every,
// which would sleep (spinners and cursor blinks are made of them).
func isTimer(cmd tea.Cmd) bool {
	f := runtime.FuncForPC(reflect.ValueOf(cmd).Pointer())
	if f == nil {
		return false
	}
	name := f.Name()
	return strings.HasPrefix(name, "charm.land/bubbletea/v2.Tick.") ||
		strings.HasPrefix(name, "charm.land/bubbletea/v2.Every.")
}

// sequence opens tea.Sequence's unexported message, a slice of Cmds, so
// they run in order.
func sequence(msg tea.Msg) ([]tea.Cmd, bool) {
	v := reflect.ValueOf(msg)
	if v.Kind() != reflect.Slice || v.Type().Elem() != reflect.TypeOf(tea.Cmd(nil)) {
		return nil, false
	}
	out := make([]tea.Cmd, v.Len())
	for i := range out {
		out[i], _ = v.Index(i).Interface().(tea.Cmd)
	}
	return out, true
}

// PanicKey is the key on which RunPanicking's model panics.
const PanicKey = "f12"

// RunPanicking runs the TUI as Run does, through the same program runner,
// with one difference: pressing F12 panics inside Update. It sits behind
// the hidden `werkstatt _panic` command so a test can prove that a panic
// in the program leaves the terminal as it was (cursor shown, main screen,
// cooked mode) and ends with a one-line error.
func RunPanicking(cfg Config) error {
	a := newApp(cfg.Store, cfg.Lang, time.Now)
	if cfg.Workshop != "" {
		a.opening(cfg.Workshop, cfg.Phase)
	}
	return runProgram(panicking{a})
}

// panicking is the root model with a deliberate fault.
type panicking struct{ *app }

func (p panicking) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == PanicKey {
		panic("deliberate panic for the terminal restore test")
	}
	_, cmd := p.app.Update(msg)
	return p, cmd
}
