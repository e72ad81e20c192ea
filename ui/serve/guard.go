package serve

import (
	"fmt"
	"log/slog"
	"runtime/debug"

	tea "charm.land/bubbletea/v2"
)

// guarded wraps a session's root model: a panic in its Update or View
// ends that session alone, with a line on its screen and the stack in the
// hub's log, instead of Bubble Tea printing the stack to the hub's own
// terminal (the facilitator's screen). The other sessions go on.
type guarded struct {
	m      tea.Model
	who    string
	caught bool
}

func (g *guarded) Init() (cmd tea.Cmd) {
	defer g.recover(func() { cmd = tea.Quit })
	return g.m.Init()
}

func (g *guarded) Update(msg tea.Msg) (next tea.Model, cmd tea.Cmd) {
	if g.caught {
		return g, tea.Quit
	}
	defer g.recover(func() { next, cmd = g, tea.Quit })
	m, cmd := g.m.Update(msg)
	g.m = m
	return g, cmd
}

func (g *guarded) View() (v tea.View) {
	if g.caught {
		return tea.NewView("")
	}
	defer g.recover(func() { v = tea.NewView("") })
	return g.m.View()
}

func (g *guarded) recover(then func()) {
	r := recover()
	if r == nil {
		return
	}
	g.caught = true
	slog.Error("werkstatt: internal error in a session", "session", g.who, "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
	then()
}
