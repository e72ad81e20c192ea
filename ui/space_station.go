package ui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
)

// A table's station (an SSH session, live.RoleStation) on an Open Space's
// marketplace sees the grid as the facilitator does and proposes topics
// as people in the room do: n (or enter on a free place) asks for the
// topic and its convener, and the topic waits beside the grid with the
// station's label until the facilitator gives it a room and a time. The
// station may change or withdraw (x) its own topic while it waits there
// untouched (model.StationMayWithdrawTopic); placing, the grid, the
// priorities, undo and the way home are the facilitator's.

// stationKey handles a station's key on the marketplace and reports
// whether it did; the arrows are left to gridKey.
func (s *spaceScreen) stationKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := s.keys
	switch {
	case key.Matches(msg, k.New):
		return s.openProposal(model.Theme{}), true
	case key.Matches(msg, k.Open):
		t, ok := s.selected()
		switch {
		case !ok:
			return s.openProposal(model.Theme{}), true
		case s.stationMay(t):
			return s.openProposal(t), true
		}
		return s.say(s.sh.T("space.station.notyours"), statusInfo), true
	case key.Matches(msg, k.Delete):
		t, ok := s.selected()
		switch {
		case !ok:
			return nil, true
		case s.stationMay(t):
			return s.withdraw(t), true
		}
		return s.say(s.sh.T("space.station.notyours"), statusInfo), true
	case key.Matches(msg, k.Move, k.Grid, k.Undo, k.Vote, k.Plan, k.Home):
		return s.say(s.sh.T("live.facilitator"), statusInfo), true
	}
	return nil, false
}

// stationMay reports whether this station may still change topic t.
func (s *spaceScreen) stationMay(t model.Theme) bool {
	return model.StationMayWithdrawTopic(&s.ws.snap, t, model.OneLine(s.sh.label))
}

// openProposal shows a station's form: a topic's title and convener (a
// zero t: a new one), no report.
func (s *spaceScreen) openProposal(t model.Theme) tea.Cmd {
	T := s.sh.T
	f := newForm(s.sh, T("space.station.form"), T("space.station.hint")+" "+T("space.form.hint"))
	f.text(named("title"), T("space.f.title"), T("space.f.title.ph"), t.Title)
	f.text(named("convener"), T("space.f.convener"), T("space.f.convener.ph"), t.Session.Convener)
	s.form, s.editing, s.editID, s.at = f, spaceTopicForm, t.ID, [2]int{}
	s.form.SetSize(s.w, s.h)
	return s.form.focus(0)
}

// saveProposal stores a station's topic: a new one beside the grid with
// the station's label, or its own one changed while it still may be. The
// convener is asked for, except when the station quits (quitting): then
// the topic is kept without one rather than lost.
func (s *spaceScreen) saveProposal(quitting bool) tea.Cmd {
	f := &s.form
	title, convener := f.value(named("title")), f.value(named("convener"))
	switch {
	case title == "":
		return f.fail(named("title"), s.sh.T("space.err.title"))
	case convener == "" && !quitting:
		return f.fail(named("convener"), s.sh.T("space.err.convener"))
	}
	now := s.sh.now()
	t, ok := s.byID[s.editID]
	switch {
	case s.editID == "":
		t = model.Proposal(s.ws.snap.Themes, s.phase, title, convener, "", model.OneLine(s.sh.label), now)
	case !ok || !s.stationMay(t):
		s.editing = spaceNoForm
		return s.say(s.sh.T("space.station.notyours"), statusError)
	default:
		t.Title, t.Session.Convener, t.Updated = title, convener, now
	}
	s.editing = spaceNoForm
	_, cmd := s.sh.commitUndoable(model.Change{Themes: []model.Theme{t}})
	s.built = -1
	s.sync()
	s.selectTopic(t.ID)
	return tea.Batch(cmd, s.say(s.sh.T("space.station.saved", oneLineText(t.Title)), statusOK))
}

// withdraw takes the station's own topic back (no undo: z is the
// facilitator's).
func (s *spaceScreen) withdraw(t model.Theme) tea.Cmd {
	cmd := s.sh.commit(model.Change{DeleteThemes: []string{t.ID}})
	s.built = -1
	s.sync()
	return tea.Batch(cmd, s.say(s.sh.T("space.station.withdrawn", oneLineText(t.Title)), statusInfo))
}

// stationKeyMap is the help of a station's marketplace.
func (s *spaceScreen) stationKeyMap() help.KeyMap {
	k := s.keys
	propose := key.NewBinding(key.WithKeys("n"), key.WithHelp("n", s.sh.T("space.station.form")))
	open := key.NewBinding(key.WithKeys("enter", "e"), key.WithHelp("enter", s.sh.T("space.station.key.open")))
	del := key.NewBinding(key.WithKeys("x"), key.WithHelp("x", s.sh.T("space.station.key.withdraw")))
	return keyMap{short: []key.Binding{propose, del},
		full: [][]key.Binding{{propose, open, del}, {k.Up, k.Down, k.Left, k.Right}}}
}
