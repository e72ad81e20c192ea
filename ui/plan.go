package ui

import (
	"cmp"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
)

// The action plan (Maßnahmenplan) closes the implementation phase: a table
// of measures, each with what, the vision it serves, who, by when, the
// first step, resources and status. The table shows what fits the window
// and the selected measure in full below it. A row is edited in a small
// form under the table: one field per column, Tab between them, Enter
// saves from any field, so "type what, Enter" is enough for a first draft
// and the rest is filled in later. A new measure keeps the form open for
// the next one, as the board keeps its input open.

// planMode is what the plan screen's keys do.
type planMode int

const (
	modeTable   planMode = iota // single keys act on the table
	modeForm                    // a measure is being written
	modeMeeting                 // the next meeting is being written
)

// planCol is a column of the table.
type planCol int

const (
	colWhat planCol = iota
	colVision
	colWho
	colDue
	colFirst
	colRes
	colStatus
	colCount
)

// planScreen is the action plan of the open workshop.
type planScreen struct {
	sh         *shared
	keys       planKeys
	phaseBound // follows its session's phase changes

	bphase  string          // the phase the rows were built for
	list    list[planRow]   // the measures in display order
	visions []model.Theme   // the themes a measure can serve, top first
	topVis  map[string]bool // ids of top vision themes
	// choices is what a measure can answer, in the order the form's
	// picker offers them: nothing, the vision themes (top first), then
	// the positive statements where the method has them.
	choices  []planChoice
	answers  *model.Answers
	reverses bool // the method has a positive reversal, so measures answer visions

	col   planCol
	byDue bool
	w, h  int // the body's size (SetSize), for the visible columns

	mode    planMode
	form    planForm
	meeting textinput.Model
	draft   *formMeasure // a new measure left with Esc, for a to bring back
}

func newPlan(sh *shared) *planScreen {
	s := &planScreen{sh: sh, keys: newPlanKeys(sh.t), phaseBound: newPhaseBound(), topVis: map[string]bool{}}
	s.follow = true
	s.form = newPlanForm(sh)
	s.meeting = newField(sh.st, sh.T("plan.meeting.placeholder"))
	s.meeting.CharLimit = 200
	return s
}

func (s *planScreen) Typing() bool { return s.mode != modeTable }

// Enter shows the plan. An empty plan opens the form for the first
// measure at once.
func (s *planScreen) Enter() tea.Cmd {
	ws := s.sh.ws
	if ws == nil {
		return nil
	}
	if s.ws != ws {
		s.ws = ws
		s.undo.reset()
		s.list.reset()
		s.col, s.byDue, s.mode, s.draft = colWhat, false, modeTable, nil
		s.built = -1
	}
	s.phase = ws.phase
	s.sync()
	if len(s.list.rows) == 0 && s.mode == modeTable {
		return s.openForm(model.Measure{}, true, colWhat)
	}
	return nil
}

func (s *planScreen) status(text string, kind statusKind) tea.Cmd {
	return func() tea.Msg { return statusMsg{text: text, kind: kind} }
}

// planChoice is one thing a measure can answer: a vision theme, or a
// positive statement (with the vision theme it leads to, if any).
type planChoice struct{ vision, rev string }

// visionPhase is the phase whose themes measures serve (see
// model.Method.AnswerPhase).
func (s *planScreen) visionPhase() string {
	return s.sh.ws.method.AnswerPhase(s.phase)
}

// sync rebuilds the rows and the vision choices when the workshop changed.
func (s *planScreen) sync() {
	ws := s.sh.ws
	if s.built == ws.version && s.bphase == s.phase {
		return
	}
	s.built, s.bphase = ws.version, s.phase
	src := s.visionPhase()
	s.visions = s.visions[:0]
	s.topVis = map[string]bool{}
	for _, r := range model.TopThemes(ws.snap.Themes, src) {
		s.visions = append(s.visions, r.Theme)
		s.topVis[r.ID] = true
	}
	var rest []model.Theme
	for _, t := range ws.snap.Themes {
		if t.Phase == src && !s.topVis[t.ID] {
			rest = append(rest, t)
		}
	}
	for _, r := range model.Rank(rest) {
		s.visions = append(s.visions, r.Theme)
	}
	s.reverses = ws.method.Reverses()
	s.answers = model.NewAnswers(ws.snap)
	s.choices = append(s.choices[:0], planChoice{})
	for _, t := range s.visions {
		s.choices = append(s.choices, planChoice{vision: t.ID})
	}
	if s.reverses {
		for _, r := range s.statements() {
			s.choices = append(s.choices, planChoice{vision: r.Vision, rev: r.ID})
		}
	}
	rows := s.list.rows[:0]
	for _, m := range ws.snap.Measures {
		rows = append(rows, planRow{m})
	}
	s.sortRows(rows)
	s.list.setRows(rows)
}

// planRow is a measure as a row of the plan's table.
type planRow struct{ model.Measure }

func (r planRow) ref() rowRef { return measureRef(r.ID) }

// statements are the workshop's positive statements in their order.
func (s *planScreen) statements() []model.Reversal {
	revs := slices.Clone(s.sh.ws.snap.Reversals)
	slices.SortStableFunc(revs, func(a, b model.Reversal) int {
		return cmp.Or(cmp.Compare(a.Order, b.Order), strings.Compare(a.ID, b.ID))
	})
	return revs
}

func (s *planScreen) sortRows(rows []planRow) {
	slices.SortStableFunc(rows, func(a, b planRow) int {
		if s.byDue && a.Due != b.Due {
			switch {
			case a.Due == "":
				return 1
			case b.Due == "":
				return -1
			}
			return strings.Compare(string(a.Due), string(b.Due))
		}
		if c := cmp.Compare(a.Order, b.Order); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
}

// selectID selects the measure id, now or, when it is not in the plan
// yet (a measure on its way to the store), when it is.
func (s *planScreen) selectID(id string) { s.list.follow(measureRef(id), s.list.find) }

func (s *planScreen) selected() (model.Measure, bool) {
	r, ok := s.list.selected()
	return r.Measure, ok
}

// themeTitle names a vision theme by id; "" for none.
func (s *planScreen) themeTitle(id string) string {
	if id == "" {
		return ""
	}
	for _, t := range s.sh.ws.snap.Themes {
		if t.ID == id {
			return strings.ReplaceAll(t.Title, "\n", " ")
		}
	}
	return s.sh.T("plan.vision.gone")
}

func (s *planScreen) Update(msg tea.Msg) tea.Cmd {
	if _, ok := msg.(tea.BackgroundColorMsg); ok {
		s.form.restyle(s.sh.st)
		restyleField(&s.meeting, s.sh.st)
		return nil
	}
	if !s.prelude(msg, s.sh.ws) {
		return nil
	}
	s.sync()
	switch msg := msg.(type) {
	case tea.PasteMsg:
		return s.paste(msg.Content)
	case tea.KeyPressMsg:
		switch s.mode {
		case modeForm:
			return s.formKey(msg)
		case modeMeeting:
			return s.meetingKey(msg)
		}
		return s.listKey(msg)
	}
	return nil
}

// paste puts pasted text, on one line, into the focused field; in the
// table it starts a new measure with it.
func (s *planScreen) paste(content string) tea.Cmd {
	text, err := normalizeInput(content)
	if err != nil {
		return s.status(s.sh.T("input.toolong"), statusError)
	}
	one := tea.PasteMsg{Content: strings.TrimSpace(strings.ReplaceAll(text, "\n", " "))}
	var cmd tea.Cmd
	switch s.mode {
	case modeTable:
		cmd = s.openForm(model.Measure{}, true, colWhat)
		fallthrough
	case modeForm:
		if f := s.form.field(); f != nil {
			var c2 tea.Cmd
			*f, c2 = f.Update(one)
			return tea.Batch(cmd, c2)
		}
		return cmd
	}
	s.meeting, cmd = s.meeting.Update(one)
	return cmd
}

func (s *planScreen) listKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	switch {
	case key.Matches(msg, k.Up):
		s.list.move(-1)
	case key.Matches(msg, k.Down):
		s.list.move(+1)
	case key.Matches(msg, k.First):
		s.list.selectRow(0)
	case key.Matches(msg, k.Last):
		s.list.selectRow(len(s.list.rows) - 1)
	case key.Matches(msg, k.Left):
		s.moveCol(-1)
	case key.Matches(msg, k.Right):
		s.moveCol(+1)
	case key.Matches(msg, k.Add):
		if s.draft != nil {
			return s.openDraft()
		}
		var seed model.Measure
		if m, ok := s.selected(); ok {
			seed.Vision, seed.Reversal = m.Vision, m.Reversal
		}
		return s.openForm(seed, true, colWhat)
	case key.Matches(msg, k.EditCell):
		if m, ok := s.selected(); ok {
			return s.openForm(m, false, s.col)
		}
		return s.openForm(model.Measure{}, true, colWhat)
	case key.Matches(msg, k.Edit):
		if m, ok := s.selected(); ok {
			return s.openForm(m, false, colWhat)
		}
	case key.Matches(msg, k.Undo):
		return s.undoLast()
	case key.Matches(msg, k.MoveUp):
		return s.move(-1)
	case key.Matches(msg, k.MoveDown):
		return s.move(+1)
	case key.Matches(msg, k.Meeting):
		s.meeting.SetValue(model.FormatMeeting(s.sh.ws.snap.Workshop.NextMeeting, s.sh.lang))
		s.meeting.CursorEnd()
		s.mode = modeMeeting
		return s.meeting.Focus()
	case key.Matches(msg, k.Back):
		return func() tea.Msg { return gotoMsg{to: screenBoard} }
	case key.Matches(msg, k.Home):
		return func() tea.Msg { return homeMsg{} }
	default:
		return s.measureKey(msg)
	}
	return nil
}

// measureKey handles the table's keys that change the selected measure
// or the order: status, role, delete, sort.
func (s *planScreen) measureKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	switch {
	case key.Matches(msg, k.Status):
		if m, ok := s.selected(); ok {
			m.Status, m.Updated = m.Status.Next(), s.sh.now()
			// The status text goes first, so a failed write's error
			// replaces it rather than the other way round.
			return tea.Batch(s.status(s.sh.T("plan.status.now", s.statusName(m.Status)), statusInfo),
				s.change(model.Change{Measures: []model.Measure{m}}, s.sh.T("plan.what.status")))
		}
	case key.Matches(msg, k.Role):
		if m, ok := s.selected(); ok {
			m.WhoIsRole, m.Updated = !m.WhoIsRole, s.sh.now()
			text := "plan.role.off"
			if m.WhoIsRole {
				text = "plan.role.on"
			}
			return tea.Batch(s.status(s.sh.T(text), statusInfo),
				s.change(model.Change{Measures: []model.Measure{m}}, s.sh.T("plan.what.role")))
		}
	case key.Matches(msg, k.Sort):
		s.byDue = !s.byDue
		s.built = -1
		s.sync()
		if s.byDue {
			return s.status(s.sh.T("plan.sorted.due"), statusInfo)
		}
		return s.status(s.sh.T("plan.sorted.own"), statusInfo)
	case key.Matches(msg, k.Delete):
		if m, ok := s.selected(); ok {
			if l := &s.list; l.sel+1 < len(l.rows) {
				s.selectID(l.rows[l.sel+1].ID)
			} else if l.sel > 0 {
				s.selectID(l.rows[l.sel-1].ID)
			}
			return tea.Batch(s.status(s.sh.T("plan.deleted"), statusInfo),
				s.change(model.Change{DeleteMeasures: []string{m.ID}}, s.sh.T("plan.what.delete")))
		}
	}
	return nil
}

// moveCol selects the next visible column to the left or right.
func (s *planScreen) moveCol(dir int) {
	cols := s.layout(s.width()).cols
	i := slices.IndexFunc(cols, func(c planColumn) bool { return c.col == s.col })
	if i < 0 {
		s.col = colWhat
		return
	}
	s.col = cols[clamp(i+dir, 0, len(cols)-1)].col
}

func (s *planScreen) width() int { return s.w }

// change commits a change of this screen and remembers how to undo it.
func (s *planScreen) change(ch model.Change, what string) tea.Cmd {
	inv, cmd := s.sh.commitUndoable(ch)
	s.undo.push(inv, what, s.sh.lastSeq())
	return cmd
}

func (s *planScreen) undoLast() tea.Cmd {
	e, ok := s.undo.pop()
	if !ok {
		return s.status(s.sh.T("board.undo.none"), statusInfo)
	}
	if len(e.change.Measures) > 0 {
		s.selectID(e.change.Measures[0].ID)
	}
	_, cmd := s.sh.commitInverse(e.change)
	return tea.Batch(s.status(s.sh.T("board.undone", e.what), statusOK), cmd)
}

// move swaps the selected measure with its neighbour in the plan's own
// order; sorted by date the order is the calendar's.
func (s *planScreen) move(dir int) tea.Cmd {
	if s.byDue {
		return s.status(s.sh.T("plan.move.sorted"), statusInfo)
	}
	rows, j := s.list.rows, s.list.sel+dir
	if len(rows) == 0 || j < 0 || j >= len(rows) {
		return nil
	}
	a, b := rows[s.list.sel].Measure, rows[j].Measure
	a.Order, b.Order = b.Order, a.Order
	if a.Order == b.Order {
		a.Order += dir
	}
	now := s.sh.now()
	a.Updated, b.Updated = now, now
	s.selectID(a.ID)
	return s.change(model.Change{Measures: []model.Measure{a, b}}, s.sh.T("plan.what.move"))
}

// meetingKey handles the next meeting's field.
func (s *planScreen) meetingKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	switch {
	case key.Matches(msg, k.Cancel):
		s.mode = modeTable
		s.meeting.Blur()
		return nil
	case key.Matches(msg, k.Save):
		// A leading date in any accepted form is stored as YYYY-MM-DD and
		// shown in the language's form; a wrong one keeps the field open.
		text, err := model.ReadMeeting(fieldValue(s.meeting), s.sh.now())
		if err != nil {
			return s.status(s.sh.T("plan.err.meeting", model.DateForms), statusError)
		}
		s.mode = modeTable
		s.meeting.Blur()
		if text == s.sh.ws.snap.Workshop.NextMeeting {
			return nil
		}
		w := s.sh.touchedWorkshop()
		w.NextMeeting = text
		return tea.Batch(s.status(s.sh.T("plan.meeting.saved"), statusOK),
			s.change(model.Change{Workshop: w}, s.sh.T("plan.what.meeting")))
	}
	var cmd tea.Cmd
	s.meeting, cmd = s.meeting.Update(msg)
	return cmd
}

// statusName is a status in the screen's language.
func (s *planScreen) statusName(st model.Status) string {
	switch st {
	case model.StatusInProgress:
		return s.sh.T("plan.status.progress")
	case model.StatusDone:
		return s.sh.T("plan.status.done")
	}
	return s.sh.T("plan.status.open")
}
