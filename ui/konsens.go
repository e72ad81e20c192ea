package ui

import (
	"errors"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
)

// The Konsensieren screen is the vote of a phase whose rule is
// model.VoteResistance. The options stand numbered at the top, the
// passive solution as 0; the facilitator types one row per participant
// or table into the input ("Tisch 2: 8 0 3 10", or only the numbers) and
// Enter saves it. The rows stand under the options, the ranking by least
// resistance beside or under them. ↑/↓ pick a row, Enter on the empty
// input puts it back into the input to correct it, ctrl+x deletes it, z
// (ctrl+z) takes the last change back.
type konsensScreen struct {
	sh   *shared
	keys konsensKeys
	phaseBound

	options []model.Option
	rows    []model.Resistance
	ranked  []model.KonsensResult
	missing int

	input   textinput.Model
	editing string       // id of the row being corrected, "" for a new row
	list    list[resRow] // the rows, for the selection
	picked  bool         // a row is selected: none until ↑/↓, a save or a paste
	err     string       // why the last Enter saved nothing

	w, h int
}

func newKonsens(sh *shared) *konsensScreen {
	s := &konsensScreen{sh: sh, keys: newKonsensKeys(sh.t), phaseBound: newPhaseBound()}
	s.input = newField(sh.st, "")
	s.input.CharLimit = 500
	return s
}

// Enter shows the phase on screen with the cursor in the input.
func (s *konsensScreen) Enter() tea.Cmd {
	ws := s.sh.ws
	if ws == nil {
		return nil
	}
	if s.enter(ws) {
		s.input.SetValue("")
		s.editing, s.err = "", ""
		s.list.reset()
		s.picked = false
	}
	s.sync()
	return s.input.Focus()
}

// Typing is true: every letter goes into the input (a voter's name).
func (s *konsensScreen) Typing() bool { return true }

// sync derives the options, rows and ranking when the workshop changed.
func (s *konsensScreen) sync() {
	ws := s.sh.ws
	if !s.current(ws) || s.built == ws.version {
		return
	}
	s.built = ws.version
	p, _, _ := ws.method.Phase(s.phase)
	s.options = model.KonsensOptions(ws.snap, p)
	s.rows = model.PhaseResistances(ws.snap.Resistances, s.phase)
	s.ranked = model.Konsens(s.options, s.rows)
	s.missing = model.KonsensMissing(s.options, s.rows)
	s.input.Placeholder = s.sh.T("konsens.placeholder", len(s.options)-1)
	rows := make([]resRow, len(s.rows))
	for i, r := range s.rows {
		rows[i] = resRow{r}
	}
	s.list.setRows(rows)
	s.picked = s.picked && len(rows) > 0
}

// resRow is a row of the Konsens table: one voter's resistances.
type resRow struct{ model.Resistance }

func (r resRow) ref() rowRef { return resistanceRef(r.ID) }

// sel is the selected row, -1 for none.
func (s *konsensScreen) sel() int {
	if !s.picked {
		return -1
	}
	return s.list.sel
}

// selected is the selected row's resistances, if a row is selected.
func (s *konsensScreen) selected() (model.Resistance, bool) {
	r, ok := s.list.selected()
	return r.Resistance, ok && s.picked
}

// pick selects row i (clamped) as ↑/↓ do.
func (s *konsensScreen) pick(i int) {
	if len(s.list.rows) == 0 {
		return
	}
	s.list.selectRow(i)
	s.picked = true
}

func (s *konsensScreen) Update(msg tea.Msg) tea.Cmd {
	if !s.prelude(msg, s.sh.ws) {
		return nil
	}
	s.sync()
	switch msg := msg.(type) {
	case tea.PasteMsg:
		text, err := normalizeInput(msg.Content)
		if err != nil {
			return s.say(s.sh.T("input.toolong"), statusError)
		}
		if lines := nonEmptyLines(text); len(lines) > 1 && s.editing == "" && s.input.Value() == "" {
			return s.pasteRows(lines)
		}
		var cmd tea.Cmd
		s.input, cmd = s.input.Update(tea.PasteMsg{Content: strings.ReplaceAll(text, "\n", " ")})
		return cmd
	case tea.KeyPressMsg:
		return s.key(msg)
	}
	return nil
}

func (s *konsensScreen) key(msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	switch {
	case key.Matches(msg, k.Save):
		return s.save()
	case key.Matches(msg, k.Cancel):
		if s.editing != "" || s.input.Value() != "" {
			s.editing, s.err = "", ""
			s.input.SetValue("")
			return nil
		}
		return func() tea.Msg { return gotoMsg{to: screenBoard} }
	case key.Matches(msg, k.Up):
		if s.picked {
			s.pick(s.list.sel - 1)
		} else {
			s.pick(len(s.list.rows) - 1)
		}
		return nil
	case key.Matches(msg, k.Down):
		s.pick(s.sel() + 1)
		return nil
	case key.Matches(msg, k.Delete):
		return s.deleteRow()
	case key.Matches(msg, k.Undo):
		return s.undoLast()
	}
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	s.err = ""
	return cmd
}

// save reads the input as a row and stores it; on the empty input it
// puts the selected row there to be corrected.
func (s *konsensScreen) save() tea.Cmd {
	text := fieldValue(s.input)
	if text == "" {
		if r, ok := s.selected(); ok {
			s.editing = r.ID
			s.input.SetValue(model.FormatResistanceRow(r, s.options))
			s.input.CursorEnd()
		}
		return nil
	}
	row, err := model.ParseResistanceRow(text, len(s.options))
	if err != nil {
		s.err = s.errText(err)
		return nil
	}
	now := s.sh.now()
	res := model.Resistance{Phase: s.phase, Voter: row.Voter, Values: row.Map(s.options), Created: now, Updated: now}
	what := s.sh.T("konsens.undo.row")
	if old, ok := s.row(s.editing); ok {
		res.ID, res.Order, res.Created = old.ID, old.Order, old.Created
	} else {
		res.ID = model.NewID(now)
		res.Order = s.nextOrder()
	}
	s.editing, s.err = "", ""
	s.input.SetValue("")
	inv, cmd := s.sh.commitUndoable(model.Change{Resistances: []model.Resistance{res}})
	s.undo.push(inv, what, s.sh.lastSeq())
	s.built = -1
	s.sync()
	if i, ok := s.list.find(resistanceRef(res.ID)); ok {
		s.pick(i)
	}
	return tea.Batch(cmd, s.say(s.sh.T("konsens.saved", s.voterName(res)), statusOK))
}

// pasteRows saves a pasted table, one row per line, in one change that
// one ctrl+z takes back; a line that cannot be read saves nothing and is
// named.
func (s *konsensScreen) pasteRows(lines []string) tea.Cmd {
	now := s.sh.now()
	order := s.nextOrder()
	var ch model.Change
	for i, l := range lines {
		row, err := model.ParseResistanceRow(l, len(s.options))
		if err != nil {
			s.err = s.sh.T("konsens.err.paste", i+1, s.errText(err))
			return nil
		}
		ch.Resistances = append(ch.Resistances, model.Resistance{ID: model.NewID(now), Phase: s.phase, Voter: row.Voter,
			Values: row.Map(s.options), Order: order + i, Created: now, Updated: now})
	}
	inv, cmd := s.sh.commitUndoable(ch)
	s.undo.push(inv, s.sh.N("konsens.pasted", len(lines)), s.sh.lastSeq())
	s.built, s.err = -1, ""
	s.sync()
	s.pick(len(s.list.rows) - 1)
	return tea.Batch(cmd, s.say(s.sh.N("konsens.pasted", len(lines)), statusOK))
}

func nonEmptyLines(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

func (s *konsensScreen) errText(err error) string {
	var ce *model.RowCountError
	var ve *model.ValueError
	switch {
	case errors.As(err, &ce):
		return s.sh.T("konsens.err.count", ce.Want, ce.Got, ce.Want-1)
	case errors.As(err, &ve):
		return s.sh.T("konsens.err.value", ve.Word)
	}
	return s.sh.T("konsens.err.empty")
}

func (s *konsensScreen) row(id string) (model.Resistance, bool) {
	for _, r := range s.rows {
		if id != "" && r.ID == id {
			return r, true
		}
	}
	return model.Resistance{}, false
}

func (s *konsensScreen) nextOrder() int {
	n := 0
	for _, r := range s.rows {
		n = max(n, r.Order+1)
	}
	return n
}

// voterName is a row's voter, or its number when it has none.
func (s *konsensScreen) voterName(r model.Resistance) string {
	if r.Voter != "" {
		return r.Voter
	}
	return s.sh.T("konsens.row", r.Order+1)
}

func (s *konsensScreen) deleteRow() tea.Cmd {
	r, ok := s.selected()
	if !ok {
		return nil
	}
	if s.editing == r.ID {
		s.editing = ""
		s.input.SetValue("")
	}
	inv, cmd := s.sh.commitUndoable(model.Change{DeleteResistances: []string{r.ID}})
	s.undo.push(inv, s.sh.T("konsens.undo.deleted", s.voterName(r)), s.sh.lastSeq())
	s.built = -1
	s.sync()
	return tea.Batch(cmd, s.say(s.sh.T("konsens.deleted", s.voterName(r)), statusInfo))
}

func (s *konsensScreen) undoLast() tea.Cmd { return s.takeBack(s.sh, s.sync, s.say) }

func (s *konsensScreen) say(text string, kind statusKind) tea.Cmd {
	return func() tea.Msg { return statusMsg{text: text, kind: kind} }
}

// SetSize fits the input to the width and keeps the selection in range.
func (s *konsensScreen) SetSize(w, h int) {
	s.w, s.h = w, h
	s.input.SetWidth(max(w-3, 1))
	s.sync()
}

// konsensKeys are the screen's keys, the same in both languages.
type konsensKeys struct {
	Save, Cancel, Up, Down, Delete, Undo key.Binding
}

func newKonsensKeys(t catalog) konsensKeys {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, t.T(desc)))
	}
	return konsensKeys{
		Save:   b("enter", "konsens.key.save", "enter"),
		Cancel: b("esc", "konsens.key.cancel", "esc"),
		Up:     b("↑", "konsens.key.up", "up"),
		Down:   b("↓", "konsens.key.down", "down"),
		Delete: b("ctrl+x", "konsens.key.delete", "ctrl+x"),
		Undo:   b("ctrl+z", "konsens.key.undo", "ctrl+z"),
	}
}

func (s *konsensScreen) KeyMap() help.KeyMap {
	k := s.keys
	return keyMap{short: []key.Binding{k.Save, k.Delete, k.Cancel},
		full: [][]key.Binding{{k.Save, k.Cancel}, {k.Up, k.Down, k.Delete, k.Undo}}}
}

// resistanceCell is a value as the rows' table shows it.
func resistanceCell(r model.Resistance, id string) string {
	if v, ok := r.Values[id]; ok {
		return strconv.Itoa(v)
	}
	return "–"
}
