package ui

import (
	"fmt"
	"strings"
	"unicode"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"golang.org/x/text/unicode/norm"

	"werkstatt/model"
)

// The home screen lists the workshops in the database. It is where the
// facilitator starts: open one, create one, rename or delete one. Every
// store access runs in a Cmd; the list comes back as a homeListMsg.

// homeMode is what the home screen's keys act on.
type homeMode int

const (
	homeList    homeMode = iota // moving through the list
	homeFilter                  // typing a filter
	homeForm                    // filling in a new workshop
	homeRename                  // typing a new title
	homeConfirm                 // asking before a delete
)

// homeListMsg carries the workshops read from the store. gen drops a
// list that an newer load has overtaken; sel is the id to select.
type homeListMsg struct {
	gen  int
	list []model.Summary
	sel  string
	err  error
}

func (homeListMsg) owner() screenID { return screenHome }

// homeDoneMsg reports a create, rename or delete. On success the list is
// read again; a failed create keeps the form open with the error in it.
type homeDoneMsg struct {
	op  string // "create", "rename", "delete"
	id  string
	err error
}

func (homeDoneMsg) owner() screenID { return screenHome }

// homeRow is one workshop with the text the filter searches, folded once
// per load rather than on every keystroke.
type homeRow struct {
	model.Summary
	fold string
}

func (r *homeRow) ref() rowRef { return workshopRef(r.ID) }

type homeScreen struct {
	sh   *shared
	keys homeKeys

	rows    []homeRow
	list    list[*homeRow] // the rows that pass the filter
	w, h    int            // the body's size (SetSize)
	listH   int            // lines the list gets under the lines above it
	loaded  bool
	loadErr error
	gen     int               // the list's load: rows change only with it
	drawn   rowMemo[homeLook] // each row's lines as last drawn

	mode    homeMode
	filter  textinput.Model
	rename  textinput.Model
	form    createForm
	confirm model.Summary
	err     string // the last failed rename or delete, shown above the list
}

func newHome(sh *shared) *homeScreen {
	s := &homeScreen{sh: sh, keys: newHomeKeys(sh.t)}
	s.filter = newField(sh.st, sh.T("home.filter.placeholder"))
	s.rename = newField(sh.st, "")
	s.form = newCreateForm(sh)
	return s
}

// Enter reads the list again: another process or the CLI may have changed
// the database while a workshop was open.
func (s *homeScreen) Enter() tea.Cmd { return s.load(s.selectedID()) }

// load reads the workshop list in a Cmd and asks to select sel afterwards.
func (s *homeScreen) load(sel string) tea.Cmd {
	s.gen++
	gen, st := s.gen, s.sh.store
	return func() tea.Msg {
		list, err := st.Workshops()
		return homeListMsg{gen: gen, list: list, sel: sel, err: err}
	}
}

func (s *homeScreen) Typing() bool { return s.mode != homeList }

func (s *homeScreen) KeyMap() help.KeyMap {
	k := s.keys
	switch s.mode {
	case homeFilter:
		return keyMap{short: []key.Binding{k.Accept, k.Clear}, full: [][]key.Binding{{k.Accept, k.Clear}}}
	case homeForm:
		fk := []key.Binding{k.NextField, k.PrevField, k.Method, k.Save, k.Cancel}
		return keyMap{short: []key.Binding{k.Save, k.Cancel}, full: [][]key.Binding{fk}}
	case homeRename:
		return keyMap{short: []key.Binding{k.Accept, k.Cancel}, full: [][]key.Binding{{k.Accept, k.Cancel}}}
	case homeConfirm:
		return keyMap{short: []key.Binding{k.Yes, k.No}, full: [][]key.Binding{{k.Yes, k.No}}}
	}
	return keyMap{
		// The short line fits 80 columns in German; rename, F6 and q are in the full help.
		short: []key.Binding{k.Open, k.New, k.Filter, k.Delete},
		full: [][]key.Binding{
			{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
			{k.Open, k.New, k.Settings, k.Rename, k.Delete, k.Filter, k.Preview, k.Quit},
		},
	}
}

func (s *homeScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.BackgroundColorMsg:
		restyleField(&s.filter, s.sh.st)
		restyleField(&s.rename, s.sh.st)
		s.form.restyle(s.sh.st)
		return nil
	case homeListMsg:
		if msg.gen != s.gen {
			return nil
		}
		s.loaded, s.loadErr = true, msg.err
		s.rows = s.rows[:0]
		for _, w := range msg.list {
			s.rows = append(s.rows, homeRow{Summary: w, fold: foldSearch(w.Title + " " + w.Handle + " " + w.Place + " " + w.Client)})
		}
		s.applyFilter(msg.sel)
		return nil
	case homeDoneMsg:
		return s.done(msg)
	case tea.PasteMsg:
		return s.paste(msg.Content)
	case tea.KeyPressMsg:
		switch s.mode {
		case homeFilter:
			return s.filterKey(msg)
		case homeForm:
			return s.formKey(msg)
		case homeRename:
			return s.renameKey(msg)
		case homeConfirm:
			return s.confirmKey(msg)
		}
		return s.listKey(msg)
	}
	return nil
}

func (s *homeScreen) listKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	switch {
	case key.Matches(msg, k.Up):
		s.selectRow(s.list.sel - 1)
	case key.Matches(msg, k.Down):
		s.selectRow(s.list.sel + 1)
	case key.Matches(msg, k.PageUp):
		s.selectRow(s.list.page(-1, s.listH, s.rowHeight(s.listH)))
	case key.Matches(msg, k.PageDown):
		s.selectRow(s.list.page(+1, s.listH, s.rowHeight(s.listH)))
	case key.Matches(msg, k.Top):
		s.selectRow(0)
	case key.Matches(msg, k.Bottom):
		s.selectRow(len(s.list.rows) - 1)
	case key.Matches(msg, k.Open):
		if w, ok := s.selected(); ok {
			return func() tea.Msg { return openMsg{id: w.ID} }
		}
	case key.Matches(msg, k.New):
		s.form = newCreateForm(s.sh)
		s.mode = homeForm
		return s.form.focus(0)
	case key.Matches(msg, k.Settings):
		if w, ok := s.selected(); ok {
			return func() tea.Msg { return settingsMsg{w: w.Workshop, back: screenHome} }
		}
	case key.Matches(msg, k.Filter):
		s.mode = homeFilter
		return s.filter.Focus()
	case key.Matches(msg, k.Clear):
		if s.filter.Value() != "" {
			s.filter.SetValue("")
			s.applyFilter(s.selectedID())
		}
	case key.Matches(msg, k.Rename):
		if w, ok := s.selected(); ok {
			s.rename.SetValue(w.Title)
			s.rename.CursorEnd()
			s.mode = homeRename
			s.err = ""
			return s.rename.Focus()
		}
	case key.Matches(msg, k.Delete):
		if w, ok := s.selected(); ok {
			s.confirm = w
			s.mode = homeConfirm
			s.err = ""
		}
	case key.Matches(msg, k.Quit):
		return tea.Quit
	}
	return nil
}

func (s *homeScreen) filterKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, s.keys.Clear):
		s.filter.SetValue("")
		s.filter.Blur()
		s.mode = homeList
		s.applyFilter(s.selectedID())
		return nil
	case key.Matches(msg, s.keys.Accept), msg.String() == "down", msg.String() == "up":
		s.filter.Blur()
		s.mode = homeList
		if msg.String() != "enter" {
			return s.listKey(msg)
		}
		return nil
	}
	var cmd tea.Cmd
	s.filter, cmd = s.filter.Update(msg)
	s.applyFilter(s.selectedID())
	return cmd
}

func (s *homeScreen) renameKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, s.keys.Cancel):
		s.rename.Blur()
		s.mode = homeList
		return nil
	case key.Matches(msg, s.keys.Accept):
		title, err := normalizeInput(s.rename.Value())
		title = strings.TrimSpace(strings.ReplaceAll(title, "\n", " "))
		if err != nil || title == "" {
			s.err = s.sh.T("home.err.title")
			return nil
		}
		s.rename.Blur()
		s.mode = homeList
		return renameCmd(s.sh, s.confirmTarget(), title)
	}
	var cmd tea.Cmd
	s.rename, cmd = s.rename.Update(msg)
	return cmd
}

// confirmTarget is the workshop a rename acts on: the selected one.
func (s *homeScreen) confirmTarget() string {
	w, _ := s.selected()
	return w.ID
}

// renameCmd reads the workshop fresh from the store and writes it back
// with the new title, so nothing the list does not hold is lost.
func renameCmd(sh *shared, id, title string) tea.Cmd {
	st, now := sh.store, sh.now()
	return func() tea.Msg {
		snap, err := st.Snapshot(id)
		if err != nil {
			return homeDoneMsg{op: "rename", id: id, err: fmt.Errorf("read workshop: %w", err)}
		}
		w := snap.Workshop
		w.Title, w.Updated = title, now
		if err := st.Apply(id, model.Change{Workshop: &w}); err != nil {
			return homeDoneMsg{op: "rename", id: id, err: fmt.Errorf("rename workshop: %w", err)}
		}
		return homeDoneMsg{op: "rename", id: id}
	}
}

func (s *homeScreen) confirmKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, s.keys.Yes):
		s.mode = homeList
		id, st := s.confirm.ID, s.sh.store
		return func() tea.Msg {
			if err := st.DeleteWorkshop(id); err != nil {
				return homeDoneMsg{op: "delete", id: id, err: fmt.Errorf("delete workshop: %w", err)}
			}
			return homeDoneMsg{op: "delete", id: id}
		}
	case key.Matches(msg, s.keys.No):
		s.mode = homeList
	}
	return nil
}

// done reacts to a finished create, rename or delete.
func (s *homeScreen) done(msg homeDoneMsg) tea.Cmd {
	if msg.err != nil {
		if msg.op == "create" {
			s.form.err = s.sh.errLine(msg.err)
			return nil
		}
		s.err = s.sh.errLine(msg.err)
		return s.load(s.selectedID())
	}
	var status string
	sel := msg.id
	switch msg.op {
	case "create":
		s.mode = homeList
		status = s.sh.T("home.created")
	case "rename":
		status = s.sh.T("home.renamed")
	case "delete":
		status = s.sh.T("home.deleted")
		sel = s.neighbourID(msg.id)
	}
	return tea.Batch(s.load(sel), func() tea.Msg { return statusMsg{status, statusOK} })
}

// neighbourID is the workshop to select after id is deleted: the next
// one, or the one before at the end of the list.
func (s *homeScreen) neighbourID(id string) string {
	rows := s.list.rows
	for i, r := range rows {
		if r.ID != id {
			continue
		}
		if i+1 < len(rows) {
			return rows[i+1].ID
		}
		if i > 0 {
			return rows[i-1].ID
		}
	}
	return ""
}

// paste puts pasted text into the field that has the focus.
func (s *homeScreen) paste(text string) tea.Cmd {
	clean, err := normalizeInput(text)
	if err != nil {
		return func() tea.Msg { return statusMsg{s.sh.T("input.toolong"), statusError} }
	}
	// The fields are one line each; a pasted line break becomes a space.
	clean = strings.ReplaceAll(clean, "\n", " ")
	var ti *textinput.Model
	switch s.mode {
	case homeFilter:
		ti = &s.filter
	case homeRename:
		ti = &s.rename
	case homeForm:
		return s.form.paste(clean)
	}
	if ti == nil {
		return nil
	}
	ti.SetValue(insertAt(ti.Value(), ti.Position(), clean))
	ti.SetCursor(ti.Position() + len([]rune(clean)))
	if s.mode == homeFilter {
		s.applyFilter(s.selectedID())
	}
	return nil
}

// insertAt inserts ins into s at rune position pos.
func insertAt(s string, pos int, ins string) string {
	r := []rune(s)
	pos = clamp(pos, 0, len(r))
	return string(r[:pos]) + ins + string(r[pos:])
}

// applyFilter recomputes the visible rows and keeps sel selected if it
// is still shown, else selects the first.
func (s *homeScreen) applyFilter(sel string) {
	q := foldSearch(s.filter.Value())
	shown := s.list.rows[:0]
	for i := range s.rows {
		if r := &s.rows[i]; q == "" || strings.Contains(r.fold, q) {
			shown = append(shown, r)
		}
	}
	s.list.setRowsOn(shown, workshopRef(sel))
	s.selectRow(s.list.sel)
}

// selectRow selects row i of the list and remembers its workshop for
// the next start of the home screen.
func (s *homeScreen) selectRow(i int) {
	s.list.selectRow(i)
	if w, ok := s.selected(); ok {
		s.sh.homeSel = w.ID
	} else {
		s.sh.homeSel = ""
	}
}

func (s *homeScreen) selected() (model.Summary, bool) {
	r, ok := s.list.selected()
	if !ok {
		return model.Summary{}, false
	}
	return r.Summary, true
}

func (s *homeScreen) selectedID() string {
	w, _ := s.selected()
	return w.ID
}

// homeRowH is the height of one workshop in the list: two lines and a gap.
const homeRowH = 3

// foldSearch makes text comparable for the filter: lower case, accents
// dropped, ß as ss and ae/oe/ue as the bare vowel, so "strasse" finds
// "Straße" and "muenchen" finds "München".
func foldSearch(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'ß':
			b.WriteString("ss")
		default:
			b.WriteRune(r)
		}
	}
	return umlautFold.Replace(b.String())
}

// umlautFold folds ae, oe and ue to the bare vowel. One Replacer for all
// calls: a Replacer builds its tables on its first use, which made a new
// one per workshop most of the home list's cost at start.
var umlautFold = strings.NewReplacer("ae", "a", "oe", "o", "ue", "u")
