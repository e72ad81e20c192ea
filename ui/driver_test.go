package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
)

// driver runs the root model the way Bubble Tea's event loop does, but in
// one goroutine and synchronously: every message goes through Update, and
// the Cmds it returns are run at once, depth first, their messages fed back.
// Every timer of the app (countdown, status clear, spinner) is made by
// sh.after, which the driver switches off, so no Cmd sleeps and a driven
// session never waits. It reads only public results of Cmds (tea.BatchMsg) and the app's own
// SequenceMsg.
type driver struct {
	app *app
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
	_, cmd := d.app.Update(msg)
	d.run(cmd)
}

// run executes cmd and feeds the resulting messages back.
func (d *driver) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch m := cmd().(type) {
	case nil, tea.QuitMsg, tea.RawMsg, tickMsg, clearStatusMsg:
	case tea.BatchMsg:
		for _, c := range m {
			d.run(c)
		}
	case SequenceMsg:
		for _, c := range m {
			d.run(c)
		}
	default:
		d.send(m)
	}
}
