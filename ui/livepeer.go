package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
	"werkstatt/ui/live"
)

// The TUI as one peer of a live hub (package live): the hub's events come
// in as messages (Changed, StageMsg, ReloadMsg), and the role decides what
// this TUI may do. The facilitator (and a co-facilitator, RoleModeration)
// has everything; a station (a table) writes cards on the facilitator's
// phase; the projector shows the wall and follows the facilitator.

// stager is the part of a *live.Conn the facilitator's TUI uses to tell
// the others where it is.
type stager interface{ SetStage(live.Stage) }

// follows reports whether the TUI follows the facilitator instead of
// choosing its own workshop, phase and screen: a station, a projector.
func (sh *shared) follows() bool {
	return sh.role == live.RoleStation || sh.role == live.RoleProjector
}

// station reports whether the TUI is a table's station.
func (sh *shared) station() bool { return sh.role == live.RoleStation }

// mine reports whether a card may be changed here: every card for the
// facilitator, only its own (its label as group) for a station.
func (sh *shared) mine(c model.Card) bool { return !sh.station() || c.Group == sh.label }

// setRole gives the TUI its role: a station's board writes every card with
// its label as group and offers only the keys a table may use.
func (a *app) setRole(role live.Role, label string) {
	a.sh.role, a.sh.label = role, label
	if !a.sh.follows() {
		return
	}
	g := &a.sh.keys
	a.denied = nil
	for _, b := range []*key.Binding{&g.Projector, &g.Timer, &g.Extend, &g.Reset, &g.NextPhase, &g.PrevPhase,
		&g.Preview, &g.Settings, &g.Photos, &g.Agenda, &g.PhoneQR, &g.Serve} {
		a.denied = append(a.denied, *b)
		b.SetEnabled(false)
	}
	if a.sh.station() {
		a.screens[screenBoard].(*boardScreen).asStation(label)
	}
}

// liveChanged applies another peer's write: to the open workshop when it
// is the one written (the screens derive anew from the next version; what
// this TUI has not written yet goes on top again, as the hub will write it
// after), else to the home screen's list.
func (a *app) liveChanged(msg live.Changed) tea.Cmd {
	ws := a.sh.ws
	if ws == nil || ws.snap.Workshop.ID != msg.Workshop {
		return a.refreshHome()
	}
	if msg.Deleted {
		a.sh.ws = nil
		a.proj.Stop()
		return tea.Batch(a.switchTo(screenHome), a.setStatus(a.sh.T("live.deleted", msg.By), statusError))
	}
	news := a.proposedLine(msg) // space_propose.go
	ws.snap.Apply(msg.Change)
	mine := false
	for _, wr := range a.sh.w.queue {
		if wr.kind == jobApply && wr.workshop == msg.Workshop {
			ws.snap.Apply(wr.change)
			mine = true
		}
	}
	ws.version++
	if mine {
		ws.last, ws.lastVer = model.Change{}, 0
	} else {
		ws.last, ws.lastVer = msg.Change, ws.version
	}
	if news != "" {
		return tea.Batch(a.startTicking(), a.setStatus(news, statusInfo))
	}
	return a.startTicking()
}

// refreshHome reads the workshop list again when it is on screen.
func (a *app) refreshHome() tea.Cmd {
	if a.cur != screenHome {
		return nil
	}
	h := a.screens[screenHome].(*homeScreen)
	return h.load(h.selectedID())
}

// liveReload reads the open workshop again from the store, through the
// writer's line so it sees this TUI's own writes; what is typed stays.
func (a *app) liveReload(msg live.ReloadMsg) tea.Cmd {
	ws := a.sh.ws
	if ws == nil || (msg.Workshop != "" && msg.Workshop != ws.snap.Workshop.ID) {
		return a.refreshHome()
	}
	return a.sh.w.enqueue(a.sh.store, write{kind: jobReload, workshop: ws.snap.Workshop.ID, refresh: true})
}

// refreshed puts a workshop read again (liveReload) on screen, with this
// TUI's writes still on their way on top.
func (a *app) refreshed(wr write, msg reloadedMsg) tea.Cmd {
	ws := a.sh.ws
	if msg.err == nil && ws != nil && ws.snap.Workshop.ID == wr.workshop {
		ws.snap = msg.snap
		for _, q := range a.sh.w.queue {
			if q.kind == jobApply && q.workshop == wr.workshop {
				ws.snap.Apply(q.change)
			}
		}
		ws.version++
		ws.last, ws.lastVer = model.Change{}, 0
		a.sh.recountPending()
	}
	return tea.Batch(a.sh.w.next(a.sh.store), a.startTicking(), a.afterWrites())
}

// liveStage follows the facilitator, for a station or the projector: to
// the workshop and the phase on the facilitator's screen, and for the
// projector to what its wall shows.
func (a *app) liveStage(msg live.StageMsg) tea.Cmd {
	a.stage = msg.Stage
	if a.sh.role == live.RoleProjector {
		a.qr.show(msg.QR)
	}
	if !a.sh.follows() || msg.Workshop == "" {
		return nil
	}
	ws := a.sh.ws
	if ws == nil || ws.snap.Workshop.ID != msg.Workshop {
		if a.loading && a.loadingID == msg.Workshop {
			return nil
		}
		a.loading, a.loadingID = true, msg.Workshop
		return a.sh.w.enqueue(a.sh.store, write{kind: jobLoad, workshop: msg.Workshop, phase: msg.Phase})
	}
	if _, _, ok := ws.method.Phase(msg.Phase); !ok || msg.Phase == ws.phase {
		return nil
	}
	ws.phase = msg.Phase
	return tea.Batch(a.enterPhase(), a.switchTo(screenBoard))
}

// followerOpened starts what a follower shows once its workshop is open:
// the wall for the projector, the board for a station.
func (a *app) followerOpened() tea.Cmd {
	if a.sh.role == live.RoleProjector {
		a.proj.remote = true
		return a.proj.Start()
	}
	return nil
}

// tellStage tells the other peers where the facilitator is, when that
// changed: after every message the facilitator's TUI handled.
func (a *app) tellStage() {
	if a.sh.role != live.RoleFacilitator || a.stager == nil {
		return
	}
	s := live.Stage{Rules: a.rules}
	if a.qr.on {
		s.QR = a.qr.url
	}
	if ws := a.sh.ws; ws != nil {
		s.Workshop, s.Phase, s.Side = ws.snap.Workshop.ID, ws.phase, ws.sideBySide(ws.phase)
		s.Screen = screenNames[a.cur]
		if s.Screen == "" {
			s.Screen = model.ScreenBoard
		}
		if a.proj.on {
			s.Projector = s.Screen
		}
	}
	if s != a.told {
		a.told = s
		a.stager.SetStage(s)
	}
}

// followerKey handles a key of the projector: quit, the help, the page
// keys; nothing else changes what the room sees.
func (a *app) projectorKey(msg tea.KeyPressMsg) tea.Cmd {
	if key.Matches(msg, a.sh.keys.Quit) {
		return a.quit()
	}
	if a.sh.ws == nil {
		return nil
	}
	return a.proj.Update(msg)
}

// stationDenied answers a key a station may not use (a function key of
// the facilitator's) with one line, instead of doing nothing unexplained.
func (a *app) stationDenied(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	if _, text := typedText(msg); text {
		return nil, false
	}
	if key.Matches(msg, a.denied...) {
		return a.setStatus(a.sh.T("live.facilitator"), statusInfo), true
	}
	return nil, false
}

// followerShow is what the projector's wall shows: what the facilitator
// projects, else the screen the facilitator is on.
func (a *app) followerShow() wallShow {
	mode := a.stage.Projector
	if mode == "" {
		mode = a.stage.Screen
	}
	switch mode {
	case model.ScreenVote:
		return wallRanking
	case model.ScreenReverse:
		return wallReversals
	case model.ScreenPlan:
		return wallMeasures
	}
	return wallCards
}

// waiting is the screen of a follower before the facilitator opened a
// workshop.
func (a *app) waiting(w, h int) string {
	lines := wrap(a.sh.T("live.waiting"), max(w-2, 1))
	top := max((h-len(lines))/2, 0)
	out := make([]string, 0, top+len(lines))
	for range top {
		out = append(out, "")
	}
	for _, l := range lines {
		out = append(out, center(l, w))
	}
	return clip(strings.Join(out, "\n"), w, h)
}

// asStation makes the board a table's: every card it writes carries the
// station's label as group, and the keys that change what is not the
// table's own (themes, marks, moves, other screens, the way home) are off,
// so they leave the help and a letter among them starts a card instead.
func (s *boardScreen) asStation(label string) {
	s.group.SetValue(label)
	k := &s.keys
	for _, b := range []*key.Binding{&k.Group, &k.Meta, &k.ToPhase, &k.Vote, &k.Reverse, &k.Plan, &k.Home,
		&k.ToTheme, &k.Unthemed, &k.PrevTheme, &k.NextTheme, &k.NewTheme, &k.Mark, &k.Rename, &k.Merge,
		&k.MoveUp, &k.MoveDown, &k.Hide} {
		b.SetEnabled(false)
	}
}

// groupValue is the group a new card carries: the station's label, else
// what the group field holds.
func (s *boardScreen) groupValue() string {
	if s.sh.station() {
		return s.sh.label
	}
	return fieldValue(s.group)
}

// notOwn reports whether the selection is what a station may not change:
// a theme, or a card of another table.
func (s *boardScreen) notOwn() bool {
	c, ok := s.list.selected()
	return s.sh.station() && (!ok || !s.sh.mine(c))
}

// notYours answers a station's key on a card or theme that is not its own.
func (s *boardScreen) notYours() tea.Cmd {
	return s.status(s.sh.T("live.notyours"), statusInfo)
}
