package ui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
)

// The board's search: incremental, within the phase, folding case and
// umlauts. It lives here because it only moves the list's selection.

// runSearch finds the cards matching the search field and selects the
// first match at or after where the search started.
func (s *boardScreen) runSearch() {
	s.query = s.search.Value()
	s.hits = s.list.matches(s.query, s.hits)
	for _, r := range s.hits {
		if r >= s.hitBase {
			s.list.selectRow(r)
			return
		}
	}
	if len(s.hits) > 0 {
		s.list.selectRow(s.hits[0])
	}
}

// nextHit selects the next (dir +1) or previous (-1) match, wrapping.
func (s *boardScreen) nextHit(dir int) {
	if s.query == "" {
		return
	}
	s.hits = s.list.matches(s.query, s.hits)
	if len(s.hits) == 0 {
		return
	}
	i := s.hitIndex()
	switch {
	case i < 0 && dir > 0:
		i = 0
		for i < len(s.hits) && s.hits[i] < s.list.sel {
			i++
		}
		i %= len(s.hits)
	case i < 0:
		i = len(s.hits) - 1
		for i > 0 && s.hits[i] > s.list.sel {
			i--
		}
	default:
		i = (i + dir + len(s.hits)) % len(s.hits)
	}
	s.list.selectRow(s.hits[i])
}

// hitIndex is the position of the selected row among the matches, or -1.
func (s *boardScreen) hitIndex() int {
	if i, ok := searchRows(s.hits, s.list.sel); ok {
		return i
	}
	return -1
}

func (s *boardScreen) endSearch() {
	s.query, s.hits = "", s.hits[:0]
	s.search.SetValue("")
}

// searchKey handles a key in the search field: the list follows each
// letter typed.
func (s *boardScreen) searchKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	switch {
	case key.Matches(msg, k.Cancel):
		s.endSearch()
		return s.focusOn(focusList)
	case key.Matches(msg, k.Confirm):
		if s.query != "" && len(s.hits) == 0 {
			return tea.Batch(s.focusOn(focusList), s.status(s.sh.T("board.search.none"), statusInfo))
		}
		return s.focusOn(focusList)
	case key.Matches(msg, k.HitNext):
		s.nextHit(+1)
		return nil
	case key.Matches(msg, k.HitPrev):
		s.nextHit(-1)
		return nil
	}
	var cmd tea.Cmd
	s.search, cmd = s.search.Update(msg)
	if s.search.Value() != s.query {
		s.runSearch()
	}
	return cmd
}

// boardKeys are the board's keys. The same letters act in both languages;
// only the help texts are translated.
type boardKeys struct {
	// While writing.
	Save, Newline, ToList, Author, Group, Meta, UndoInput, Discard key.Binding
	// In the author and group fields.
	MetaDone, MetaNext, MetaPrev key.Binding
	// In the list.
	Up, Down, PageUp, PageDown, First, Last, Input, Edit, Delete, Undo key.Binding
	Search, Next, Prev, Back, Vote, Reverse, Plan, Home                key.Binding
	ToTheme, Unthemed, PrevTheme, NextTheme, NewTheme, Mark            key.Binding
	Rename, Merge, MoveUp, MoveDown, ToPhase                           key.Binding
	Hide                                                               key.Binding // off the phones' wall
	// In a prompt or the search field.
	Confirm, Cancel, HitNext, HitPrev key.Binding
	// Answering a question: deleting a theme, splitting a paste.
	Yes, No, Split, Keep key.Binding
}

func newBoardKeys(t catalog) boardKeys {
	b := func(keys []string, help, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, t.T(desc)))
	}
	k := func(keys ...string) []string { return keys }
	return boardKeys{
		Save:      b(k("enter"), "enter", "board.key.save"),
		Newline:   b(k("alt+enter", "ctrl+j"), "alt+enter", "board.key.newline"),
		ToList:    b(k("esc", "tab"), "esc", "board.key.tolist"),
		Author:    b(k("ctrl+a"), "ctrl+a", "board.key.author"),
		Group:     b(k("ctrl+g"), "ctrl+g", "board.key.group"),
		UndoInput: b(k("ctrl+z"), "ctrl+z", "board.key.undo"),
		Discard:   b(k("ctrl+x"), "ctrl+x", "board.key.discard"),
		// Meta only names ctrl+a and ctrl+g together in the short help.
		Meta: b(k("ctrl+a", "ctrl+g"), "ctrl+a/g", "board.key.meta"),

		MetaDone: b(k("enter", "esc"), "enter", "board.key.metadone"),
		MetaNext: b(k("tab"), "tab", "board.key.metanext"),
		MetaPrev: b(k("shift+tab"), "shift+tab", "board.key.metaprev"),

		Up:       b(k("up", "k"), "↑/k", "board.key.up"),
		Down:     b(k("down", "j"), "↓/j", "board.key.down"),
		PageUp:   b(k("pgup"), "pgup", "board.key.pgup"),
		PageDown: b(k("pgdown"), "pgdn", "board.key.pgdown"),
		First:    b(k("home", "g"), "home", "board.key.first"),
		Last:     b(k("end", "G"), "end", "board.key.last"),
		Input:    b(k("i", "tab"), "i", "board.key.input"),
		Edit:     b(k("e", "enter"), "e", "board.key.edit"),
		Delete:   b(k("x", "delete"), "x", "board.key.delete"),
		Undo:     b(k("z", "ctrl+z"), "z", "board.key.undo"),
		Search:   b(k("/"), "/", "board.key.search"),
		Next:     b(k("n"), "n", "board.key.next"),
		Prev:     b(k("N"), "N", "board.key.prev"),
		Back:     b(k("esc"), "esc", "board.key.back"),
		Vote:     b(k("v"), "v", "board.key.vote"),
		Reverse:  b(k("u"), "u", "board.key.reverse"),
		Plan:     b(k("m"), "m", "board.key.plan"),
		Home:     b(k("q"), "q", "board.key.home"),

		ToTheme:   b(k("1", "2", "3", "4", "5", "6", "7", "8", "9"), "1–9", "board.key.totheme"),
		Unthemed:  b(k("0"), "0", "board.key.unthemed"),
		PrevTheme: b(k("["), "[", "board.key.prevtheme"),
		NextTheme: b(k("]"), "]", "board.key.nexttheme"),
		NewTheme:  b(k("t"), "t", "board.key.newtheme"),
		Mark:      b(k("space"), "space", "board.key.mark"),
		Rename:    b(k("r"), "r", "board.key.rename"),
		Merge:     b(k("M"), "M", "board.key.merge"),
		MoveUp:    b(k("shift+up", "K"), "shift+↑/K", "board.key.moveup"),
		MoveDown:  b(k("shift+down", "J"), "shift+↓/J", "board.key.movedown"),
		ToPhase:   b(k("p"), "p", "board.key.tophase"),
		Hide:      b(k("h"), "h", "board.key.hide"),

		Confirm: b(k("enter"), "enter", "board.key.confirm"),
		Cancel:  b(k("esc"), "esc", "board.key.cancel"),
		HitNext: b(k("down", "ctrl+n"), "↓", "board.key.hitnext"),
		HitPrev: b(k("up", "ctrl+p"), "↑", "board.key.hitprev"),

		Yes: b(k("j", "y", "J", "Y"), t.T("board.key.yes.key"), "board.key.yes"),
		No:  b(k("n", "N", "esc"), "n/esc", "board.key.no"),
		// Split and Keep only name the answers after a paste.
		Split: b(k("j", "y", "J", "Y"), t.T("board.key.yes.key"), "board.key.split"),
		Keep:  b(k("n", "N", "esc"), "n", "board.key.keep"),
	}
}

// themeShort is t with a one-word text, so the list's help line keeps it
// at 80 columns.
func (k boardKeys) themeShort(t catalog) key.Binding {
	return key.NewBinding(key.WithKeys(k.NewTheme.Keys()...), key.WithHelp("t", t.T("board.key.newtheme.short")))
}

// KeyMap lists the keys for where the focus is: the short help shows the
// few a facilitator needs next, the full help all of them.
func (s *boardScreen) KeyMap() help.KeyMap {
	if sp := s.shownSpace(); sp != nil {
		return sp.KeyMap()
	}
	k := s.keys
	writing := []key.Binding{k.Save, k.Newline, k.ToList, k.Author, k.Group, k.UndoInput, k.Discard}
	moving := []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.First, k.Last, k.Search, k.Next, k.Prev, k.Back}
	editing := []key.Binding{k.Input, k.Edit, k.Delete, k.ToPhase, k.Hide, k.Undo}
	// The help lists only the steps this phase offers: a key that would
	// only say "not in this phase" is no help.
	for _, st := range []struct {
		step model.Step
		b    key.Binding
	}{{model.StepVote, k.Vote}, {model.StepReverse, k.Reverse}, {model.StepPlan, k.Plan}} {
		if s.sh.ws != nil && s.offers(st.step) {
			if st.step == model.StepVote {
				st.b = s.voteHelp(st.b)
			}
			editing = append(editing, st.b)
		}
	}
	editing = append(editing, k.Home)
	full := [][]key.Binding{writing, moving, editing}
	if s.sh.ws == nil || s.offers(model.StepCluster) {
		full = append(full, []key.Binding{k.ToTheme, k.Unthemed, k.PrevTheme, k.NextTheme, k.NewTheme, k.Mark, k.Rename, k.Merge, k.MoveUp, k.MoveDown})
	}
	if s.sh.ws != nil && s.sh.ws.method.HasAgeGroups() {
		full = append(full, []key.Binding{s.genKeys.Age, s.genKeys.Side})
	}
	if s.phaseRounds() > 0 {
		full = append(full, []key.Binding{s.roundHelp()})
	}
	if s.sh.ws != nil && s.harvests() {
		full = append(full, []key.Binding{s.harvestHelp()}) // cafe.go
	}
	var short []key.Binding
	switch s.focus {
	case focusText:
		short = []key.Binding{k.Save, k.ToList, k.Newline, k.Meta, k.UndoInput}
		if s.sh.station() {
			short = []key.Binding{k.Save, k.ToList, k.Newline, k.Author, k.UndoInput}
		}
	case focusAuthor, focusGroup:
		short = []key.Binding{k.MetaDone, k.MetaNext, k.Author, k.Group}
	case focusPrompt:
		short = []key.Binding{k.Confirm, k.Cancel}
	case focusConfirm:
		short = []key.Binding{k.Yes, k.No}
	case focusPaste:
		short = []key.Binding{k.Split, k.Keep}
	case focusPhase:
		short = []key.Binding{k.Cancel}
	case focusSearch:
		short = []key.Binding{k.Confirm, k.HitNext, k.HitPrev, k.Cancel}
	default:
		// The way back to writing first; moving with the arrows needs
		// no explanation and goes last.
		short = []key.Binding{k.Input, k.Edit, k.Delete, k.themeShort(s.sh.t), k.ToTheme, k.Search, k.Undo, k.Down}
		if s.sh.station() {
			short = []key.Binding{k.Input, k.Edit, k.Delete, k.Search, k.Undo, k.Down}
		}
	}
	return keyMap{short: short, full: full}
}
