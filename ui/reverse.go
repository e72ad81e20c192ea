package ui

import (
	"cmp"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
)

// The positive reversal (Positivumkehr) opens the vision phase: each top
// theme of the critique phase is turned into one or more positive
// statements ("Der Bus fährt zu selten" becomes "In Musterdorf kommt jede
// und jeder ohne Auto ans Ziel"). The screen lists the top themes with
// their statements under them; the input below writes the next statement
// for the theme the selection is in. Like the board it opens with the
// cursor in the input: type, Enter, type, Enter; Esc hands the keys to the
// list, where single letters edit, delete, undo and reorder.

// revFocus is where the reversal screen's keys go.
type revFocus int

const (
	revInput revFocus = iota // the statement being written
	revList                  // the themes and their statements
)

// revGroup is one reversed theme with its cards and statements.
type revGroup struct {
	theme model.Theme
	top   bool // one of the source phase's top themes
	place int  // its place in the ranking, 0 for a theme no longer on top
	tied  bool
	gone  bool // the theme was deleted; its statements are still stored
	cards []model.Card
	stmts []model.Reversal
}

// revRow is one selectable row: a theme's header (stmt < 0) or one of its
// statements, with the id of the theme or the statement.
type revRow struct {
	group, stmt int
	id          string
}

func (r revRow) ref() rowRef {
	if r.stmt < 0 {
		return themeRef(r.id)
	}
	return statementRef(r.id)
}

// reverseScreen is the positive reversal of the phase on screen.
type reverseScreen struct {
	sh   *shared
	keys revKeys
	ws   *session // the session the screen's state belongs to
	w, h int      // the body's size (SetSize)

	phase   string
	source  string // the phase whose top themes are reversed
	marked  bool   // the source phase's top themes were marked by hand
	nThemes int    // themes in the source phase

	built      bool
	version    int
	builtPhase string
	groups     []revGroup
	list       list[revRow]     // the themes' headers and their statements
	open       map[string]bool  // theme ids whose cards are shown
	frame      map[int][]string // rows rendered while SetSize scrolls

	focus revFocus
	input capture // the statement being written or edited
	undo  undoStack
	guard typeGuard // the list keys of the burst being typed
}

func newReverse(sh *shared) *reverseScreen {
	s := &reverseScreen{sh: sh, keys: newRevKeys(sh.t), open: map[string]bool{}, focus: revInput}
	// Page keys switch the theme the statement is for; the list marks
	// its selection with » so the input keeps its ›.
	s.input = newCapture(sh.T("rev.placeholder"), captureOpts{markAlways: true, pageKeys: true})
	s.restyle()
	return s
}

func (s *reverseScreen) restyle() { s.input.restyle(s.sh.st) }

func (s *reverseScreen) Typing() bool { return s.focus == revInput }

// Enter shows the reversal of the phase on screen, with the cursor in the
// input when there is a theme to write for.
func (s *reverseScreen) Enter() tea.Cmd {
	ws := s.sh.ws
	if ws == nil {
		return nil
	}
	if s.ws != ws {
		s.ws = ws
		s.undo.reset()
		s.input.forget()
		s.list.reset()
		s.open = map[string]bool{}
		s.built = false
		s.input.reset()
	}
	s.phase = ws.phase
	s.sync()
	if len(s.groups) == 0 {
		return s.focusOn(revList)
	}
	return s.focusOn(revInput)
}

func (s *reverseScreen) focusOn(f revFocus) tea.Cmd {
	s.focus = f
	if f == revInput {
		return s.input.focus()
	}
	s.input.blur()
	return nil
}

func (s *reverseScreen) status(text string, kind statusKind) tea.Cmd {
	return func() tea.Msg { return statusMsg{text: text, kind: kind} }
}

// sync rebuilds the groups and rows when the workshop changed.
func (s *reverseScreen) sync() {
	ws := s.sh.ws
	if s.built && s.version == ws.version && s.builtPhase == s.phase {
		return
	}
	s.built, s.version, s.builtPhase = true, ws.version, s.phase
	s.groups = s.groups[:0]
	rows := s.list.rows[:0]
	prev, ok := model.PrevPhase(ws.method, s.phase)
	s.source, s.marked, s.nThemes = prev, false, 0
	themes := make(map[string]model.Theme, len(ws.snap.Themes))
	for _, t := range ws.snap.Themes {
		themes[t.ID] = t
		if ok && t.Phase == prev {
			s.nThemes++
			s.marked = s.marked || t.Top
		}
	}
	index := map[string]int{}
	if ok {
		for _, r := range model.TopThemes(ws.snap.Themes, prev) {
			index[r.ID] = len(s.groups)
			s.groups = append(s.groups, revGroup{theme: r.Theme, top: true, place: r.Place, tied: r.Tied})
		}
	}
	revs := slices.Clone(ws.snap.Reversals)
	slices.SortStableFunc(revs, func(a, b model.Reversal) int {
		if c := cmp.Compare(a.Order, b.Order); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	for _, r := range revs {
		g, ok := index[r.Theme]
		if !ok {
			// A statement whose theme is no longer on top (or is gone)
			// stays visible, so nothing written disappears.
			t, exists := themes[r.Theme]
			if !exists {
				t = model.Theme{ID: r.Theme, Title: s.sh.T("rev.gone")}
			}
			g = len(s.groups)
			index[r.Theme] = g
			s.groups = append(s.groups, revGroup{theme: t, gone: !exists})
		}
		s.groups[g].stmts = append(s.groups[g].stmts, r)
	}
	for _, c := range ws.snap.Cards {
		if g, ok := index[c.Theme]; ok && c.Theme != "" {
			s.groups[g].cards = append(s.groups[g].cards, c)
		}
	}
	for g := range s.groups {
		grp := &s.groups[g]
		slices.SortStableFunc(grp.cards, func(a, b model.Card) int { return cmp.Compare(a.Order, b.Order) })
		rows = append(rows, revRow{group: g, stmt: -1, id: grp.theme.ID})
		for i, st := range grp.stmts {
			rows = append(rows, revRow{group: g, stmt: i, id: st.ID})
		}
	}
	s.list.setRows(rows)
}

// follow selects the statement id, now or once it is on the screen.
func (s *reverseScreen) follow(id string) { s.list.follow(statementRef(id), s.list.find) }

// current returns the group the selection is in: the theme a new
// statement is written for.
func (s *reverseScreen) current() (*revGroup, bool) {
	if len(s.list.rows) == 0 {
		return nil, false
	}
	return &s.groups[s.list.rows[s.list.sel].group], true
}

// selected returns the selected statement.
func (s *reverseScreen) selected() (model.Reversal, bool) {
	if len(s.list.rows) == 0 || s.list.rows[s.list.sel].stmt < 0 {
		return model.Reversal{}, false
	}
	r := s.list.rows[s.list.sel]
	return s.groups[r.group].stmts[r.stmt], true
}

// jumpTheme selects the header of the next (dir +1) or previous theme.
func (s *reverseScreen) jumpTheme(dir int) {
	if len(s.list.rows) == 0 {
		return
	}
	g := clamp(s.list.rows[s.list.sel].group+dir, 0, len(s.groups)-1)
	if dir < 0 && s.list.rows[s.list.sel].stmt >= 0 {
		g = s.list.rows[s.list.sel].group // first back to the own header
	}
	for i, r := range s.list.rows {
		if r.group == g && r.stmt < 0 {
			s.list.selectRow(i)
			return
		}
	}
}

func (s *reverseScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.BackgroundColorMsg:
		s.restyle()
		return nil
	case phaseMsg:
		if s.ws == nil || s.ws != s.sh.ws || msg.phase == s.phase {
			return nil
		}
		cmd := s.SaveDraft()
		s.phase = msg.phase
		s.built = false
		return cmd
	case writesFailedMsg:
		s.undo.dropFrom(msg.from)
		s.guard.end()
		s.built = false
		return nil
	}
	if s.sh.ws == nil || s.ws != s.sh.ws {
		return nil
	}
	s.sync()
	switch msg := msg.(type) {
	case tea.PasteMsg:
		s.guard.end()
		return s.paste(msg.Content)
	case typedMsg:
		return s.typeInto(msg.text)
	case tea.KeyPressMsg:
		if s.focus == revInput {
			if text, ok := typedText(msg); ok && s.guard.intoField(s.sh.keyAt, text) {
				return s.typeInto(text)
			}
			s.guard.end()
			return s.inputKey(msg)
		}
		return s.listKey(msg)
	}
	return nil
}

func (s *reverseScreen) paste(content string) tea.Cmd {
	text, err := normalizeInput(content)
	if err != nil || !s.input.fits(text) {
		return s.status(s.sh.T("board.toolong", maxInputRunes), statusError)
	}
	if len(s.groups) == 0 {
		return s.status(s.sh.T("rev.nothemes.short"), statusInfo)
	}
	cmd := s.focusOn(revInput)
	return tea.Batch(cmd, s.input.paste(text))
}

func (s *reverseScreen) inputKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	switch {
	case key.Matches(msg, k.Save):
		return s.submit()
	case key.Matches(msg, k.ToList):
		if s.input.editing != "" {
			s.input.done()
		}
		return s.focusOn(revList)
	// In the input only the page keys switch the theme; [ and ] are text.
	case key.Matches(msg, k.PrevTheme) && msg.String() != "[" && s.input.editing == "":
		s.jumpTheme(-1)
		return nil
	case key.Matches(msg, k.NextTheme) && msg.String() != "]" && s.input.editing == "":
		s.jumpTheme(+1)
		return nil
	case key.Matches(msg, k.UndoInput):
		return s.undoLast()
	}
	return s.input.key(msg)
}

func (s *reverseScreen) listKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	if text, ok := typedText(msg); !ok {
		s.guard.end()
	} else if !s.isCommand(msg) {
		return s.typeInto(text)
	} else {
		s.guard.note(s.sh.keyAt, text, s.snapshot)
	}
	switch {
	case key.Matches(msg, k.Up):
		s.list.selectRow(s.list.sel - 1)
	case key.Matches(msg, k.Down):
		s.list.selectRow(s.list.sel + 1)
	case key.Matches(msg, k.PrevTheme):
		s.jumpTheme(-1)
	case key.Matches(msg, k.NextTheme):
		s.jumpTheme(+1)
	case key.Matches(msg, k.First):
		s.list.selectRow(0)
	case key.Matches(msg, k.Last):
		s.list.selectRow(len(s.list.rows) - 1)
	case key.Matches(msg, k.Write):
		if len(s.groups) == 0 {
			return s.status(s.sh.T("rev.nothemes.short"), statusInfo)
		}
		s.guard.open(false)
		return s.focusOn(revInput)
	case key.Matches(msg, k.Edit):
		if r, ok := s.selected(); ok {
			s.guard.open(false)
			return s.startEdit(r)
		}
		s.guard.open(false)
		if len(s.groups) == 0 {
			return s.status(s.sh.T("rev.nothemes.short"), statusInfo)
		}
		return s.focusOn(revInput)
	case key.Matches(msg, k.Cards):
		if g, ok := s.current(); ok {
			s.open[g.theme.ID] = !s.open[g.theme.ID]
			if r := s.list.rows[s.list.sel]; r.stmt >= 0 {
				s.jumpTheme(-1)
			}
		}
	case key.Matches(msg, k.Delete):
		return s.deleteSelected()
	case key.Matches(msg, k.Undo):
		return s.undoLast()
	case key.Matches(msg, k.MoveUp):
		return s.move(-1)
	case key.Matches(msg, k.MoveDown):
		return s.move(+1)
	case key.Matches(msg, k.Link):
		return s.cycleVision()
	case key.Matches(msg, k.NewTheme):
		return s.themeFromStatement()
	case key.Matches(msg, k.Back):
		return tea.Batch(s.SaveDraft(), func() tea.Msg { return gotoMsg{to: screenBoard} })
	case key.Matches(msg, k.Home):
		nav := s.sh.leave(screenReverse, s.ws)
		return tea.Batch(s.SaveDraft(), func() tea.Msg { return homeMsg{nav: nav} })
	}
	return nil
}

// SaveDraft saves a typed statement, so leaving or quitting loses nothing.
func (s *reverseScreen) SaveDraft() tea.Cmd {
	if s.sh.ws == nil || s.ws != s.sh.ws {
		return nil
	}
	s.sync()
	if s.input.empty() {
		if s.input.editing != "" {
			s.input.done()
		}
		return nil
	}
	return s.submit()
}

// submit saves the input as a new statement for the current theme or as
// the edit in progress. The input stays open for the next one.
func (s *reverseScreen) submit() tea.Cmd {
	text, err := s.input.text()
	if err != nil {
		return s.status(s.sh.T("board.toolong", maxInputRunes), statusError)
	}
	now := s.sh.now()
	if s.input.editing != "" {
		if text == "" {
			return s.status(s.sh.T("rev.edit.empty"), statusInfo)
		}
		id := s.input.done()
		r, ok := s.reversal(id)
		if !ok || r.Text == text {
			return s.focusOn(revList)
		}
		r.Text, r.Updated = text, now
		s.follow(r.ID)
		// An edit starts in the list and returns there, as on the board.
		return tea.Batch(s.focusOn(revList), s.status(s.sh.T("rev.edited"), statusOK),
			s.change(model.Change{Reversals: []model.Reversal{r}}, s.sh.T("rev.what.edit")))
	}
	if text == "" {
		return s.status(s.sh.T("rev.input.empty"), statusInfo)
	}
	g, ok := s.current()
	if !ok {
		return s.status(s.sh.T("rev.nothemes.short"), statusInfo)
	}
	if g.gone {
		return s.status(s.sh.T("rev.gone.write"), statusInfo)
	}
	order := -1
	for _, r := range s.sh.ws.snap.Reversals {
		order = max(order, r.Order)
	}
	r := model.Reversal{ID: model.NewID(now), Theme: g.theme.ID, Text: text, Order: order + 1, Created: now, Updated: now}
	s.input.reset()
	s.follow(r.ID)
	return s.change(model.Change{Reversals: []model.Reversal{r}}, s.sh.T("rev.what.new"))
}

func (s *reverseScreen) reversal(id string) (model.Reversal, bool) {
	for _, r := range s.sh.ws.snap.Reversals {
		if r.ID == id {
			return r, true
		}
	}
	return model.Reversal{}, false
}

// change commits a change of this screen and remembers how to undo it.
func (s *reverseScreen) change(ch model.Change, what string) tea.Cmd {
	inv, cmd := s.sh.commitUndoable(ch)
	s.guard.record(inv)
	s.undo.push(inv, what, s.sh.lastSeq())
	return cmd
}

func (s *reverseScreen) startEdit(r model.Reversal) tea.Cmd {
	s.input.edit(r.ID, r.Text)
	return s.focusOn(revInput)
}

func (s *reverseScreen) deleteSelected() tea.Cmd {
	r, ok := s.selected()
	if !ok {
		return s.status(s.sh.T("rev.delete.theme"), statusInfo)
	}
	if s.list.sel+1 < len(s.list.rows) && s.list.rows[s.list.sel+1].group == s.list.rows[s.list.sel].group {
		s.list.selectRow(s.list.sel + 1)
	} else {
		s.list.selectRow(s.list.sel - 1)
	}
	// The status text goes first, so a failed write's error replaces it.
	return tea.Batch(s.status(s.sh.T("rev.deleted"), statusInfo),
		s.change(model.Change{DeleteReversals: []string{r.ID}, Measures: s.sh.unlinkReversals([]string{r.ID}, s.sh.now())}, s.sh.T("rev.what.delete")))
}

func (s *reverseScreen) undoLast() tea.Cmd {
	e, ok := s.undo.pop()
	if !ok {
		return s.status(s.sh.T("board.undo.none"), statusInfo)
	}
	if len(e.change.Reversals) > 0 {
		s.follow(e.change.Reversals[0].ID)
	}
	inv, cmd := s.sh.commitInverse(e.change)
	// Typed by mistake, the undo itself is taken back (typeguard.go).
	s.guard.record(inv)
	return tea.Batch(s.status(s.sh.T("board.undone", e.what), statusOK), cmd)
}

// move swaps the selected statement with its neighbour under the same
// theme.
func (s *reverseScreen) move(dir int) tea.Cmd {
	if len(s.list.rows) == 0 || s.list.rows[s.list.sel].stmt < 0 {
		return nil
	}
	row := s.list.rows[s.list.sel]
	stmts := s.groups[row.group].stmts
	j := row.stmt + dir
	if j < 0 || j >= len(stmts) {
		return nil
	}
	a, b := stmts[row.stmt], stmts[j]
	a.Order, b.Order = b.Order, a.Order
	if a.Order == b.Order {
		a.Order += dir
	}
	now := s.sh.now()
	a.Updated, b.Updated = now, now
	s.follow(a.ID)
	return tea.Batch(s.status(s.sh.T("rev.shifted"), statusOK),
		s.change(model.Change{Reversals: []model.Reversal{a, b}}, s.sh.T("rev.what.move")))
}
