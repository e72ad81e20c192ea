package ui

import (
	"errors"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
)

// The Open Space's marketplace is the board of a phase whose Capture is
// model.CaptureSessions: the grid of rooms (columns) × time slots (rows)
// is the screen, and the topics that have no cell yet wait in a strip
// under it. Arrow keys move the selection; n writes a new topic with its
// convener (into the selected cell when it is free); Enter opens the
// selected topic's session report (who, results, next steps), or writes
// a new topic into an empty cell; space picks a topic up, the arrows
// carry it and space or Enter puts it down (a topic already there
// changes places with it; the strip takes it off the grid); x deletes; g
// edits the rooms and slots; v goes to the priorities (the dot vote on
// the topics); z undoes every change made here.
type spaceScreen struct {
	sh   *shared
	keys spaceKeys
	phaseBound

	rooms, slots []string
	topics       []model.Theme     // the phase's, in order
	cells        map[[2]int]string // (room, slot) from 1 → topic id
	byID         map[string]model.Theme
	strip        list[spaceRow] // the topics beside the grid
	cards        int            // the phase's cards (phones, stations): not on the grid, in the record

	// The selection: row len(slots) is the strip (a list[spaceRow]). The
	// grid keeps its own row and column: it is two-dimensional, which
	// list[R], a column of rows, is not.
	row, col int
	moving   string // the topic being carried, "" for none

	editing spaceForm
	editID  string // the topic the form is about, "" for a new one
	at      [2]int // the cell a new topic goes into, {0,0}: beside the grid
	form    form

	w, h int
}

// spaceForm is which form is open.
type spaceForm int

const (
	spaceNoForm spaceForm = iota
	spaceTopicForm
	spaceGridForm
)

// spaceRow is a topic in the strip beside the grid.
type spaceRow struct{ model.Theme }

func (r spaceRow) ref() rowRef { return themeRef(r.ID) }

func newSpace(sh *shared) *spaceScreen {
	return &spaceScreen{sh: sh, keys: newSpaceKeys(sh.t), phaseBound: newPhaseBound()}
}

// space returns the marketplace when the board's phase captures
// sessions, nil for a board of cards.
func (s *boardScreen) space() *spaceScreen {
	ws := s.sh.ws
	if ws == nil {
		return nil
	}
	p, _ := ws.Phase()
	if p.CaptureKind() != model.CaptureSessions {
		return nil
	}
	if s.market == nil {
		s.market = newSpace(s.sh)
	}
	return s.market
}

// shownSpace is space for what only reads (View, KeyMap, Typing): the
// marketplace when it is made and its phase is on show, else nil.
func (s *boardScreen) shownSpace() *spaceScreen {
	if s.market == nil || s.sh.ws == nil {
		return nil
	}
	if p, _ := s.sh.ws.Phase(); p.CaptureKind() != model.CaptureSessions {
		return nil
	}
	return s.market
}

func (s *spaceScreen) Enter() tea.Cmd {
	ws := s.sh.ws
	if ws == nil {
		return nil
	}
	if s.enter(ws) {
		s.row, s.col, s.moving = 0, 0, ""
		s.strip.reset()
		s.editing = spaceNoForm
	}
	s.sync()
	return nil
}

func (s *spaceScreen) Typing() bool { return s.editing != spaceNoForm }

// SaveDraft saves an open topic form when the program quits, so a
// report typed is never lost; a form without a title has nothing to
// keep.
func (s *spaceScreen) SaveDraft() tea.Cmd {
	if s.editing != spaceTopicForm || s.ws == nil || s.ws != s.sh.ws || s.form.value(named("title")) == "" {
		return nil
	}
	if s.sh.station() {
		return s.saveProposal(true) // space_station.go
	}
	return s.saveTopic()
}

// sync rebuilds the grid from the workshop when it changed.
func (s *spaceScreen) sync() {
	ws := s.sh.ws
	if !s.current(ws) || s.built == ws.version {
		return
	}
	s.built = ws.version
	s.rooms, s.slots = ws.snap.Workshop.Grid(s.sh.lang)
	s.topics = model.SettledTopics(ws.snap.Themes, s.phase) // two in one cell: one keeps it
	s.cards = len(ws.Cards(s.phase))
	s.cells = map[[2]int]string{}
	s.byID = make(map[string]model.Theme, len(s.topics))
	var strip []spaceRow
	for _, t := range s.topics {
		s.byID[t.ID] = t
		x := t.Session
		k := [2]int{x.Room, x.Slot}
		if _, taken := s.cells[k]; x.Placed() && x.Room <= len(s.rooms) && x.Slot <= len(s.slots) && !taken {
			s.cells[k] = t.ID
			continue
		}
		strip = append(strip, spaceRow{t})
	}
	s.strip.setRows(strip)
	if s.moving != "" {
		if _, ok := s.byID[s.moving]; !ok {
			s.moving = ""
		}
	}
	s.row = clamp(s.row, 0, len(s.slots))
	s.col = clamp(s.col, 0, max(len(s.rooms)-1, 0))
}

// inStrip reports whether the selection is on the strip.
func (s *spaceScreen) inStrip() bool { return s.row >= len(s.slots) }

// selected is the selected topic, if the selection is on one.
func (s *spaceScreen) selected() (model.Theme, bool) {
	if s.inStrip() {
		r, ok := s.strip.selected()
		return r.Theme, ok
	}
	t, ok := s.byID[s.cells[[2]int{s.col + 1, s.row + 1}]]
	return t, ok
}

// select puts the selection on topic id wherever it is.
func (s *spaceScreen) selectTopic(id string) {
	t, ok := s.byID[id]
	if ok && t.Session.Placed() && s.cells[[2]int{t.Session.Room, t.Session.Slot}] == id {
		s.row, s.col = t.Session.Slot-1, t.Session.Room-1
		return
	}
	s.row = len(s.slots)
	s.strip.follow(themeRef(id), s.strip.find)
}

func (s *spaceScreen) Update(msg tea.Msg) tea.Cmd {
	if !s.prelude(msg, s.sh.ws) {
		return nil
	}
	s.sync()
	switch msg := msg.(type) {
	case tea.PasteMsg:
		if s.editing != spaceNoForm {
			return s.form.paste(msg.Content)
		}
	case tea.KeyPressMsg:
		if s.editing != spaceNoForm {
			return s.formKey(msg)
		}
		return s.gridKey(msg)
	}
	return nil
}

func (s *spaceScreen) gridKey(msg tea.KeyPressMsg) tea.Cmd {
	if s.sh.station() {
		if cmd, ok := s.stationKey(msg); ok { // space_station.go
			return cmd
		}
	}
	k := s.keys
	switch {
	case key.Matches(msg, k.Up):
		s.row = max(s.row-1, 0)
	case key.Matches(msg, k.Down):
		s.row = min(s.row+1, len(s.slots))
	case key.Matches(msg, k.Left):
		if s.inStrip() {
			s.strip.move(-1)
		} else {
			s.col = max(s.col-1, 0)
		}
	case key.Matches(msg, k.Right):
		if s.inStrip() {
			s.strip.move(+1)
		} else {
			s.col = min(s.col+1, len(s.rooms)-1)
		}
	case s.moving != "" && key.Matches(msg, k.Move, k.Open):
		return s.putDown()
	case s.moving != "" && key.Matches(msg, k.Back):
		s.moving = ""
		return s.say(s.sh.T("space.move.cancel"), statusInfo)
	case key.Matches(msg, k.Move):
		if t, ok := s.selected(); ok {
			s.moving = t.ID
			return s.say(s.sh.T("space.move.start", oneLineText(t.Title)), statusInfo)
		}
	case key.Matches(msg, k.New):
		at := [2]int{}
		if _, taken := s.selected(); !s.inStrip() && !taken {
			at = [2]int{s.col + 1, s.row + 1}
		}
		return s.openTopic(model.Theme{}, at)
	case key.Matches(msg, k.Open):
		if t, ok := s.selected(); ok {
			return s.openTopic(t, [2]int{})
		}
		if !s.inStrip() {
			return s.openTopic(model.Theme{}, [2]int{s.col + 1, s.row + 1})
		}
		return s.openTopic(model.Theme{}, [2]int{})
	case key.Matches(msg, k.Delete):
		return s.delete()
	case key.Matches(msg, k.Undo):
		return s.undoLast()
	case key.Matches(msg, k.Grid):
		return s.openGrid()
	case key.Matches(msg, k.Vote):
		return s.goTo(model.StepVote, screenVote)
	case key.Matches(msg, k.Plan):
		return s.goTo(model.StepPlan, screenPlan)
	case key.Matches(msg, k.Home):
		return func() tea.Msg { return homeMsg{nav: s.sh.leave(screenBoard, s.ws)} }
	}
	return nil
}

// goTo shows another screen of the phase if the phase offers its step.
func (s *spaceScreen) goTo(step model.Step, to screenID) tea.Cmd {
	if p, _ := s.ws.Phase(); !p.Steps.Has(step) {
		return s.say(s.sh.T("board.notoffered"), statusInfo)
	}
	nav := s.sh.leave(screenBoard, s.ws)
	return func() tea.Msg { return gotoMsg{to: to, nav: nav} }
}

// putDown places the carried topic at the selection: a cell (changing
// places with a topic there) or the strip (off the grid).
func (s *spaceScreen) putDown() tea.Cmd {
	id := s.moving
	s.moving = ""
	room, slot := s.col+1, s.row+1
	if s.inStrip() {
		room, slot = 0, 0
	}
	themes, err := model.PlaceTopic(s.ws.snap.Themes, id, room, slot, len(s.rooms), len(s.slots))
	if err != nil {
		return s.say(s.sh.errLine(err), statusError)
	}
	if len(themes) == 0 {
		return nil
	}
	now := s.sh.now()
	for i := range themes {
		themes[i].Updated = now
	}
	inv, cmd := s.sh.commitUndoable(model.Change{Themes: themes})
	t := themes[0]
	s.undo.push(inv, s.sh.T("space.undo.moved", oneLineText(t.Title)), s.sh.lastSeq())
	s.built = -1
	s.sync()
	s.selectTopic(id)
	what := s.sh.T("space.placed.off", oneLineText(t.Title))
	if room > 0 {
		what = s.sh.T("space.placed", oneLineText(t.Title), s.rooms[room-1], s.slots[slot-1])
		if len(themes) > 1 {
			what += " " + s.sh.T("space.swapped", oneLineText(themes[1].Title))
		}
	}
	return tea.Batch(cmd, s.say(what, statusOK))
}

// openTopic shows the form of a topic: its title and convener, and the
// session's report; a zero t is a new topic for the cell at.
func (s *spaceScreen) openTopic(t model.Theme, at [2]int) tea.Cmd {
	T := s.sh.T
	title := T("space.form.new")
	if t.ID != "" {
		title = T("space.form.edit")
	}
	hint := T("space.form.hint")
	if at != [2]int{} {
		hint = T("space.form.at", s.rooms[at[0]-1], s.slots[at[1]-1]) + " " + hint
	}
	f := newForm(s.sh, title, hint)
	f.text(named("title"), T("space.f.title"), T("space.f.title.ph"), t.Title)
	f.text(named("convener"), T("space.f.convener"), T("space.f.convener.ph"), t.Session.Convener)
	f.heading(T("space.f.report"))
	f.text(named("who"), T("space.f.who"), T("space.f.who.ph"), t.Session.Who)
	f.text(named("results"), T("space.f.results"), "", oneLineText(t.Session.Results))
	f.text(named("next"), T("space.f.next"), "", oneLineText(t.Session.Next))
	s.form, s.editing, s.editID, s.at = f, spaceTopicForm, t.ID, at
	s.form.SetSize(s.w, s.h)
	start := 0
	if t.ID != "" && t.Title != "" && t.Session.Convener != "" {
		start = s.form.index(named("who")) // after the session: its report
	}
	return s.form.focus(start)
}

func (s *spaceScreen) formKey(msg tea.KeyPressMsg) tea.Cmd {
	cmd, act := s.form.key(msg)
	switch act {
	case formCancel:
		s.editing = spaceNoForm
		return nil
	case formSave:
		if s.editing == spaceGridForm {
			return s.saveGrid()
		}
		return s.saveTopic()
	}
	return cmd
}

// saveTopic stores the topic of the form; a missing title is named at
// its field and everything typed stays.
func (s *spaceScreen) saveTopic() tea.Cmd {
	if s.sh.station() {
		return s.saveProposal(false) // space_station.go
	}
	f := &s.form
	title := f.value(named("title"))
	if title == "" {
		return f.fail(named("title"), s.sh.T("space.err.title"))
	}
	now := s.sh.now()
	t, ok := s.byID[s.editID]
	if !ok {
		t = model.Theme{ID: model.NewID(now), Phase: s.phase, Created: now}
		for _, x := range s.topics {
			t.Order = max(t.Order, x.Order+1)
		}
		if _, taken := s.cells[s.at]; s.at != [2]int{} && !taken {
			t.Session.Room, t.Session.Slot = s.at[0], s.at[1]
		}
	}
	t.Title = title
	t.Session.Convener, t.Session.Who = f.value(named("convener")), f.value(named("who"))
	t.Session.Results, t.Session.Next = f.value(named("results")), f.value(named("next"))
	t.Updated = now
	s.editing = spaceNoForm
	inv, cmd := s.sh.commitUndoable(model.Change{Themes: []model.Theme{t}})
	s.undo.push(inv, s.sh.T("space.undo.saved", oneLineText(t.Title)), s.sh.lastSeq())
	s.built = -1
	s.sync()
	s.selectTopic(t.ID)
	return tea.Batch(cmd, s.say(s.sh.T("space.saved", oneLineText(t.Title)), statusOK))
}

// delete removes the selected topic; z brings it back. Measures that
// answer it keep their text and lose the link, as on the board.
func (s *spaceScreen) delete() tea.Cmd {
	t, ok := s.selected()
	if !ok {
		return nil
	}
	ch := model.Change{DeleteThemes: []string{t.ID}}
	now := s.sh.now()
	for _, m := range s.ws.snap.Measures {
		if m.Vision == t.ID {
			m.Vision, m.Updated = "", now
			ch.Measures = append(ch.Measures, m)
		}
	}
	inv, cmd := s.sh.commitUndoable(ch)
	s.undo.push(inv, s.sh.T("space.undo.deleted", oneLineText(t.Title)), s.sh.lastSeq())
	s.built = -1
	s.sync()
	return tea.Batch(cmd, s.say(s.sh.T("space.deleted", oneLineText(t.Title)), statusInfo))
}

func (s *spaceScreen) undoLast() tea.Cmd { return s.takeBack(s.sh, s.sync, s.say) }

// newAxis is the number in the key of the grid form's empty field that
// adds a room or a slot (the others are numbered from 1).
const newAxis = 0

// openGrid shows the rooms and slots as a form: one field each, and an
// empty one to add a room or a slot. Emptying a field removes it.
func (s *spaceScreen) openGrid() tea.Cmd {
	T := s.sh.T
	f := newForm(s.sh, T("space.grid.title"), T("space.grid.hint"))
	f.heading(T("space.grid.rooms"))
	for i, r := range s.rooms {
		f.text(formKey{name: "room", n: i + 1}, T("space.grid.room", i+1), "", r)
	}
	f.text(formKey{name: "room", n: newAxis}, T("space.grid.newroom"), T("space.grid.newroom.ph"), "")
	f.heading(T("space.grid.slots"))
	for i, x := range s.slots {
		f.text(formKey{name: "slot", n: i + 1}, T("space.grid.slot", i+1), "", x)
	}
	f.text(formKey{name: "slot", n: newAxis}, T("space.grid.newslot"), T("space.grid.newslot.ph"), "")
	s.form, s.editing = f, spaceGridForm
	s.form.SetSize(s.w, s.h)
	return s.form.focus(1)
}

// saveGrid applies the grid form: renames, removals (refused, at the
// field, for a room or slot that sessions sit in), additions, in one
// change that z takes back.
func (s *spaceScreen) saveGrid() tea.Cmd {
	f := &s.form
	w := s.ws.snap.Workshop
	themes := s.ws.snap.Themes
	moved := map[string]model.Theme{}
	var err error
	for _, axis := range []struct {
		slot bool
		key  string
		n    int
	}{{false, "room", len(s.rooms)}, {true, "slot", len(s.slots)}} {
		for i := axis.n; i >= 1; i-- { // from the end, so the numbers stay
			k := formKey{name: axis.key, n: i}
			v := f.value(k)
			if v != "" {
				if w, err = model.RenameGrid(w, s.sh.lang, axis.slot, i, v); err != nil {
					return f.fail(k, s.gridErr(err))
				}
				continue
			}
			var mv []model.Theme
			if w, mv, err = model.RemoveGrid(w, themes, s.sh.lang, axis.slot, i); err != nil {
				return f.fail(k, s.gridErr(err))
			}
			themes = applyThemes(themes, mv)
			for _, t := range mv {
				moved[t.ID] = t
			}
		}
		if v := f.value(formKey{name: axis.key, n: newAxis}); v != "" {
			if w, err = model.AddGrid(w, s.sh.lang, axis.slot, v); err != nil {
				return f.fail(formKey{name: axis.key, n: newAxis}, s.gridErr(err))
			}
		}
	}
	s.editing = spaceNoForm
	now := s.sh.now()
	w.Updated = now
	ch := model.Change{Workshop: &w}
	for _, t := range moved {
		t.Updated = now
		ch.Themes = append(ch.Themes, t)
	}
	inv, cmd := s.sh.commitUndoable(ch)
	s.undo.push(inv, s.sh.T("space.undo.grid"), s.sh.lastSeq())
	s.built = -1
	s.sync()
	return tea.Batch(cmd, s.say(s.sh.T("space.grid.saved", len(s.rooms), len(s.slots)), statusOK))
}

// applyThemes is themes with the changed ones put in.
func applyThemes(themes, changed []model.Theme) []model.Theme {
	if len(changed) == 0 {
		return themes
	}
	by := map[string]model.Theme{}
	for _, t := range changed {
		by[t.ID] = t
	}
	out := make([]model.Theme, len(themes))
	for i, t := range themes {
		if c, ok := by[t.ID]; ok {
			t = c
		}
		out[i] = t
	}
	return out
}

// gridErr says in the user's language what is wrong with a room or slot.
func (s *spaceScreen) gridErr(err error) string {
	var in *model.GridInUseError
	var lim *model.LimitError
	switch {
	case errors.As(err, &in):
		return s.sh.N("space.err.inuse", in.N, in.Name, oneLineText(in.Topic))
	case errors.As(err, &lim) && lim.Field == "name":
		return s.sh.T("space.err.long", model.MaxGridName)
	case errors.As(err, &lim) && lim.Value == 0:
		return s.sh.T("space.err.last")
	case errors.As(err, &lim):
		return s.sh.T("space.err.many", lim.Max)
	}
	return s.sh.T("space.err.name")
}

func (s *spaceScreen) say(text string, kind statusKind) tea.Cmd {
	return func() tea.Msg { return statusMsg{text: text, kind: kind} }
}

func (s *spaceScreen) SetSize(w, h int) {
	s.w, s.h = w, h
	s.sync()
	if s.editing != spaceNoForm {
		s.form.SetSize(w, h)
	}
}

// spaceKeys are the marketplace's keys, the same in both languages.
type spaceKeys struct {
	Up, Down, Left, Right, New, Open, Move, Delete, Undo, Grid, Vote, Plan, Back, Home key.Binding
}

func newSpaceKeys(t catalog) spaceKeys {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, t.T(desc)))
	}
	return spaceKeys{
		Up:     b("↑/k", "space.key.up", "up", "k"),
		Down:   b("↓/j", "space.key.down", "down", "j"),
		Left:   b("←/h", "space.key.left", "left", "h"),
		Right:  b("→/l", "space.key.right", "right", "l"),
		New:    b("n", "space.key.new", "n"),
		Open:   b("enter", "space.key.open", "enter", "e"),
		Move:   b("space", "space.key.move", "space"),
		Delete: b("x", "space.key.delete", "x", "delete"),
		Undo:   b("z", "space.key.undo", "z", "ctrl+z"),
		Grid:   b("g", "space.key.grid", "g"),
		Vote:   b("v", "space.key.vote", "v"),
		Plan:   b("m", "board.key.plan", "m"),
		Back:   b("esc", "space.key.cancel", "esc"),
		Home:   b("q", "board.key.home", "q"),
	}
}

func (s *spaceScreen) KeyMap() help.KeyMap {
	k := s.keys
	if s.editing != spaceNoForm {
		save := key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", s.sh.T("forum.key.save")))
		next := key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", s.sh.T("forum.key.next")))
		cancel := key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", s.sh.T("forum.key.cancel")))
		return keyMap{short: []key.Binding{save, next, cancel}, full: [][]key.Binding{{save, next, cancel}}}
	}
	if s.sh.station() {
		return s.stationKeyMap()
	}
	if s.moving != "" {
		put := key.NewBinding(key.WithKeys("space"), key.WithHelp("space", s.sh.T("space.key.put")))
		arrows := key.NewBinding(key.WithKeys("left"), key.WithHelp("←↑↓→", s.sh.T("space.key.carry")))
		return keyMap{short: []key.Binding{arrows, put, k.Back}, full: [][]key.Binding{{arrows, put, k.Back}}}
	}
	return keyMap{short: []key.Binding{k.New, k.Open, k.Move, k.Vote, k.Grid},
		full: [][]key.Binding{{k.New, k.Open, k.Move, k.Delete, k.Undo}, {k.Up, k.Down, k.Left, k.Right}, {k.Grid, k.Vote, k.Home}}}
}
