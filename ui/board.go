package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
)

// The board is where a phase's contributions are written and clustered.
// It opens with the cursor in the input, because in the room speed of
// capture is everything: type, Enter, type, Enter. Esc hands the keys to the
// list, where single letters act on the selected card or theme.

// boardFocus is where the board's keys go.
type boardFocus int

const (
	focusText    boardFocus = iota // the contribution being written
	focusAuthor                    // the optional author
	focusGroup                     // the optional group or table
	focusList                      // the cards and themes
	focusPrompt                    // a one-line question (theme title, merge target)
	focusSearch                    // the search field
	focusConfirm                   // a j/n question (deleting a theme)
	focusPaste                     // a j/n question after a paste of several lines
	focusPhase                     // the phase a card moves to
)

// promptKind is what the one-line question asks for.
type promptKind int

const (
	promptNewTheme promptKind = iota
	promptRename
	promptMerge
)

// boardScreen is the phase's board.
type boardScreen struct {
	sh    *shared
	keys  boardKeys
	ws    *session // the session the board's state belongs to
	w, h  int      // the body's size (SetSize)
	phase string   // the phase the board shows

	focus  boardFocus
	input  capture // the contribution being written or edited
	author textinput.Model
	group  textinput.Model

	prompt      textinput.Model
	promptKind  promptKind
	promptTheme string // the theme renamed or merged

	search  textinput.Model
	query   string // the active search, "" when none
	hits    []int  // rows of the matching cards
	hitBase int    // row the search started from

	list    cardList
	fresh   bool // the next Enter shows a workshop or phase anew
	marked  map[string]bool
	undo    undoStack
	guard   typeGuard // the list keys of the burst being typed
	nums    themeNumbers
	confirm string // id of the theme whose deletion is asked about
	pasted  string // the paste of several lines asked about

	// The lines around the input as last drawn, with what from (memo.go).
	sepMemo   memo[sepKey, string]
	fieldMemo memo[fieldKey, string]

	genKeys genKeys
	market  *spaceScreen // an Open Space's marketplace (space.go), made when first shown
	age     string       // the generation new cards get (generations.go), "" for none
}

func newBoard(sh *shared) *boardScreen {
	s := &boardScreen{sh: sh, keys: newBoardKeys(sh.t), genKeys: newGenKeys(sh.t), marked: map[string]bool{}}
	s.input = newCapture(sh.T("board.placeholder"), captureOpts{})
	s.author = newField(sh.st, "–")
	s.group = newField(sh.st, "–")
	s.author.CharLimit, s.group.CharLimit = 80, 80
	s.prompt = newField(sh.st, "")
	s.search = newField(sh.st, sh.T("board.search.placeholder"))
	s.restyle()
	return s
}

// restyle builds the input's look from the semantic styles.
func (s *boardScreen) restyle() {
	st := s.sh.st
	s.input.restyle(st)
	for _, f := range []*textinput.Model{&s.author, &s.group, &s.prompt, &s.search} {
		restyleField(f, st)
	}
}

// resize fits the inputs to the window's width.
func (s *boardScreen) resize(w int) {
	if w <= 0 {
		return
	}
	s.input.setWidth(w)
	field := max((w-36)/2, 4)
	s.author.SetWidth(field)
	s.group.SetWidth(field)
	s.prompt.SetWidth(max(w-30, 4))
	s.search.SetWidth(max(w-24, 4))
}

func (s *boardScreen) Typing() bool {
	if sp := s.shownSpace(); sp != nil {
		return sp.Typing()
	}
	return s.focus != focusList
}

// Enter shows the board for the phase on screen, with the cursor in the
// input. A board that last showed another workshop starts afresh. Coming
// back from another screen of the same phase (voting, the record) the
// list keeps the keys if it had them, so the single keys that led away
// (v, u, m, >) work again at once instead of typing into the input.
func (s *boardScreen) Enter() tea.Cmd {
	ws := s.sh.ws
	if ws == nil {
		return nil
	}
	if s.ws != ws {
		s.ws = ws
		s.undo, s.marked, s.age = undoStack{}, map[string]bool{}, ""
		s.input.forget()
		s.nums = themeNumbers{}
		s.endSearch()
		s.list = cardList{}
		s.fresh = true
	}
	if s.phase != ws.phase {
		s.fresh = true
	}
	s.phase = ws.phase
	s.sync()
	fresh := s.fresh
	s.fresh = false
	if sp := s.space(); sp != nil {
		s.focus = focusList
		return sp.Enter() // space.go: an Open Space's marketplace
	}
	if !s.offers(model.StepCollect) || (!fresh && s.focus == focusList) {
		return s.focusOn(focusList)
	}
	return s.focusOn(focusText)
}

// sync brings the list's index up to date with the workshop.
func (s *boardScreen) sync() {
	if s.phase == "" {
		s.phase = s.sh.ws.phase
	}
	s.list.sync(s.sh.ws, s.phase)
	if s.sh.ws.method.HasAgeGroups() {
		s.list.ages = ageNames(s.sh.generations())
	}
	if s.list.round == nil {
		s.list.round = func(n int) string { return s.sh.T("round.card", n) } // rounds.go
	}
}

// offers reports whether the phase on the board offers a step.
func (s *boardScreen) offers(step model.Step) bool {
	p, _, ok := s.sh.ws.method.Phase(s.phase)
	return ok && p.Steps.Has(step)
}

// focusOn moves the keys to a field or the list.
func (s *boardScreen) focusOn(f boardFocus) tea.Cmd {
	s.focus = f
	s.input.blur()
	s.author.Blur()
	s.group.Blur()
	s.prompt.Blur()
	s.search.Blur()
	switch f {
	case focusText, focusPaste:
		// Asked about a paste, the text stays in sight as the input's.
		return s.input.focus()
	case focusAuthor:
		return s.author.Focus()
	case focusGroup:
		return s.group.Focus()
	case focusPrompt:
		return s.prompt.Focus()
	case focusSearch:
		return s.search.Focus()
	}
	return nil
}

func (s *boardScreen) status(text string, kind statusKind) tea.Cmd {
	return func() tea.Msg { return statusMsg{text: text, kind: kind} }
}

func (s *boardScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.BackgroundColorMsg:
		s.restyle()
		return nil
	case phaseMsg:
		cmd := s.changePhase(msg.phase)
		if s.market != nil {
			cmd = tea.Batch(cmd, s.market.Update(msg))
		}
		return cmd
	case writesFailedMsg:
		if s.market != nil {
			s.market.Update(msg)
		}
		// The undo entries of writes that did not reach the disk
		// would bring back what never was.
		s.undo.dropFrom(msg.from)
		s.guard.end()
		return nil
	}
	if s.sh.ws == nil || s.ws != s.sh.ws {
		return nil
	}
	if sp := s.space(); sp != nil {
		return sp.Update(msg) // space.go
	}
	s.sync()
	switch msg := msg.(type) {
	case tea.PasteMsg:
		s.guard.end()
		return s.paste(msg.Content)
	case typedMsg:
		return s.typeInto(msg.text)
	case tea.KeyPressMsg:
		if cmd, ok := s.generationKey(msg); ok {
			return cmd
		}
		if cmd, ok := s.roundKeyPress(msg); ok { // rounds.go
			return cmd
		}
		if s.focus != focusList {
			// A letter typed into a field that the burst's last key
			// opened (e, t, r, i …) shows the key was typing.
			if text, ok := typedText(msg); ok && s.guard.intoField(s.sh.keyAt, text) {
				return s.typeInto(text)
			}
			s.guard.end()
		}
		switch s.focus {
		case focusText:
			return s.textKey(msg)
		case focusAuthor, focusGroup:
			return s.metaKey(msg)
		case focusPrompt:
			return s.promptKey(msg)
		case focusSearch:
			return s.searchKey(msg)
		case focusConfirm:
			return s.confirmKey(msg)
		case focusPaste:
			return s.pasteKey(msg)
		case focusPhase:
			return s.phaseKey(msg)
		}
		return s.listKey(msg)
	}
	return nil
}

// changePhase follows the workshop to another phase. Text still in the
// input belongs to the phase it was typed in, so it is saved there first.
func (s *boardScreen) changePhase(phase string) tea.Cmd {
	if s.ws == nil || s.ws != s.sh.ws || phase == s.phase {
		return nil
	}
	s.list.sync(s.ws, s.phase)
	cmd := s.SaveDraft()
	s.phase = phase
	s.fresh = true
	s.marked = map[string]bool{}
	s.endSearch()
	return cmd
}

// SaveDraft saves typed text on quit: as a new card, or as the edit in
// progress.
func (s *boardScreen) SaveDraft() tea.Cmd {
	if s.sh.ws == nil || s.ws != s.sh.ws {
		return nil
	}
	if sp := s.space(); sp != nil {
		return sp.SaveDraft()
	}
	s.list.sync(s.ws, s.phase)
	if s.input.empty() && s.input.editing == "" {
		return nil
	}
	return s.submit()
}

// submit saves the input: the edit of a card, or a new card in the unthemed
// pile. The input stays open and empty for the next contribution.
func (s *boardScreen) submit() tea.Cmd {
	text, err := s.input.text()
	if err != nil {
		return s.status(s.sh.T("board.toolong", maxInputRunes), statusError)
	}
	now := s.sh.now()
	if s.input.editing != "" {
		if text == "" {
			return s.status(s.sh.T("board.edit.empty"), statusInfo)
		}
		// An edit starts in the list and goes back there, so the next
		// single key acts on the list again, not into the input.
		id := s.input.done()
		back := s.focusOn(focusList)
		c, ok := s.list.card(id)
		if !ok {
			// The card is gone (its first write failed, or it was
			// deleted meanwhile): the text becomes a new card.
			return tea.Batch(back, s.newCard(text))
		}
		if c.Text == text {
			return back
		}
		c.Text, c.Updated = text, now
		s.list.selectCard(id)
		return tea.Batch(back, s.change(model.Change{Cards: []model.Card{c}}, s.sh.T("board.what.edit")),
			s.status(s.sh.T("board.edited"), statusOK))
	}
	if text == "" {
		return s.status(s.sh.T("board.input.empty"), statusInfo)
	}
	s.input.reset()
	return s.newCard(text)
}

// newCard saves text as a new card in the unthemed pile and selects it.
func (s *boardScreen) newCard(text string) tea.Cmd {
	now := s.sh.now()
	c := model.Card{
		ID: model.NewID(now), Phase: s.phase, Text: text,
		Author: fieldValue(s.author), Group: s.groupValue(), AgeGroup: s.ageForNew(), Round: s.roundForNew(),
		Order: s.list.groupOf("").maxOrder + 1, Created: now, Updated: now,
	}
	s.list.selectCard(c.ID)
	return s.change(model.Change{Cards: []model.Card{c}}, s.sh.T("board.what.new"))
}

// fieldValue is a one-line field's text, normalised and trimmed.
func fieldValue(f textinput.Model) string {
	v, err := normalizeInput(f.Value())
	if err != nil {
		return ""
	}
	return strings.TrimSpace(strings.ReplaceAll(v, "\n", " "))
}

// startEdit puts a card's text into the input; Enter saves it, Esc goes
// back. A draft already typed is put aside and comes back afterwards.
func (s *boardScreen) startEdit(c model.Card) tea.Cmd {
	s.input.edit(c.ID, c.Text)
	return s.focusOn(focusText)
}

// paste inserts pasted text, normalised, where the focus is. A paste in the
// list starts a contribution with it.
func (s *boardScreen) paste(content string) tea.Cmd {
	text, err := normalizeInput(content)
	if err != nil {
		return s.status(s.sh.T("board.toolong", maxInputRunes), statusError)
	}
	switch s.focus {
	case focusList, focusPaste, focusPhase, focusConfirm:
		s.pasted = ""
		s.focusOn(focusText)
		fallthrough
	case focusText:
		if !s.input.fits(text) {
			return s.status(s.sh.T("board.toolong", maxInputRunes), statusError)
		}
		if s.input.empty() && s.input.editing == "" && len(pasteLines(text)) > 1 {
			return s.askSplit(text)
		}
		return s.input.paste(text)
	}
	one := tea.PasteMsg{Content: strings.ReplaceAll(text, "\n", " ")}
	var cmd tea.Cmd
	switch s.focus {
	case focusAuthor:
		s.author, cmd = s.author.Update(one)
	case focusGroup:
		s.group, cmd = s.group.Update(one)
	case focusPrompt:
		s.prompt, cmd = s.prompt.Update(one)
	case focusConfirm:
		return nil
	case focusSearch:
		s.search, cmd = s.search.Update(one)
		s.runSearch()
	}
	return cmd
}

// textKey handles a key while a contribution is written.
func (s *boardScreen) textKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	switch {
	case key.Matches(msg, k.Save):
		return s.submit()
	case key.Matches(msg, k.ToList):
		if s.input.editing != "" {
			s.input.done()
		}
		return s.focusOn(focusList)
	case key.Matches(msg, k.Author):
		return s.focusOn(focusAuthor)
	case key.Matches(msg, k.Group):
		return s.focusOn(focusGroup)
	case key.Matches(msg, k.UndoInput):
		return s.undoLast()
	case key.Matches(msg, k.Discard):
		return s.discard()
	}
	return s.input.key(msg)
}

// metaKey handles a key in the author or group field. Their values stay
// for the next cards until cleared, so a facilitator typing for one table
// sets it once.
func (s *boardScreen) metaKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	switch {
	case key.Matches(msg, k.MetaDone):
		if h := s.hostSaid(); h != "" && s.focus == focusGroup {
			return tea.Batch(s.focusOn(focusText), s.status(h, statusInfo)) // cafe.go
		}
		return s.focusOn(focusText)
	case key.Matches(msg, k.Author):
		return s.focusOn(focusAuthor)
	case key.Matches(msg, k.Group):
		return s.focusOn(focusGroup)
	case key.Matches(msg, k.MetaNext):
		if s.focus == focusAuthor {
			return s.focusOn(focusGroup)
		}
		return s.focusOn(focusText)
	case key.Matches(msg, k.MetaPrev):
		if s.focus == focusGroup {
			return s.focusOn(focusAuthor)
		}
		return s.focusOn(focusText)
	}
	var cmd tea.Cmd
	if s.focus == focusAuthor {
		s.author, cmd = s.author.Update(msg)
	} else {
		s.group, cmd = s.group.Update(msg)
	}
	return cmd
}

// listKey handles a single key in the list. A printable key that is not
// a command starts writing with it (typeguard.go).
func (s *boardScreen) listKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	l := &s.list
	w, h := s.cardsWindow()
	h = max(h, 1)
	if text, ok := typedText(msg); !ok {
		s.guard.end()
	} else if !s.isCommand(msg) {
		return s.typeInto(text)
	} else {
		s.guard.note(s.sh.keyAt, text, s.snapshot)
	}
	switch {
	case key.Matches(msg, k.Up):
		l.selectRow(l.sel - 1)
	case key.Matches(msg, k.Down):
		l.selectRow(l.sel + 1)
	case key.Matches(msg, k.PageUp):
		l.selectRow(l.page(-1, w, h))
	case key.Matches(msg, k.PageDown):
		l.selectRow(l.page(+1, w, h))
	case key.Matches(msg, k.First):
		l.selectRow(0)
	case key.Matches(msg, k.Last):
		l.selectRow(len(l.rows) - 1)
	case key.Matches(msg, k.Input):
		s.guard.open(false)
		return s.focusOn(focusText)
	case key.Matches(msg, k.Edit, k.Delete) && s.notOwn():
		return s.notYours()
	case key.Matches(msg, k.Edit):
		if c, ok := l.selected(); ok {
			s.guard.open(false)
			return s.startEdit(c)
		}
		return s.startPrompt(promptRename)
	case key.Matches(msg, k.Delete):
		return s.deleteSelected()
	case key.Matches(msg, k.ToPhase):
		return s.startPhasePick()
	case key.Matches(msg, k.Hide):
		return s.toggleHidden()
	case s.harvests() && key.Matches(msg, harvestKey):
		return s.harvest() // cafe.go
	case key.Matches(msg, k.Undo):
		return s.undoLast()
	case key.Matches(msg, k.Search):
		s.search.SetValue(s.query)
		s.hitBase = l.sel
		return s.focusOn(focusSearch)
	case key.Matches(msg, k.Next):
		s.nextHit(+1)
	case key.Matches(msg, k.Prev):
		s.nextHit(-1)
	case key.Matches(msg, k.Back):
		switch {
		case s.query != "":
			s.endSearch()
		case len(s.marked) > 0:
			s.marked = map[string]bool{}
		}
	case key.Matches(msg, k.Vote):
		return s.goTo(model.StepVote, screenVote)
	case key.Matches(msg, k.Reverse):
		return s.goTo(model.StepReverse, screenReverse)
	case key.Matches(msg, k.Plan):
		return s.goTo(model.StepPlan, screenPlan)
	case key.Matches(msg, k.Home):
		nav := s.leaving()
		return tea.Batch(s.SaveDraft(), func() tea.Msg { return homeMsg{nav: nav} })
	default:
		return s.clusterKey(msg)
	}
	return nil
}

// goTo shows another screen of the phase if the phase offers its step.
func (s *boardScreen) goTo(step model.Step, to screenID) tea.Cmd {
	if !s.offers(step) {
		return s.status(s.sh.T("board.notoffered"), statusInfo)
	}
	nav := s.leaving()
	return func() tea.Msg { return gotoMsg{to: to, nav: nav} }
}

// hiddenMark follows a card's author and group on the board when the card
// is kept off the phones' wall.
const hiddenMark = "⊘"

// toggleHidden keeps the selected card off the phones' wall (moderation:
// a card that should not be on every phone), or shows it there again. The
// board and the record still show it; z takes it back.
func (s *boardScreen) toggleHidden() tea.Cmd {
	c, ok := s.list.selected()
	if !ok {
		return nil
	}
	c.Hidden, c.Updated = !c.Hidden, s.sh.now()
	said := s.sh.T("board.hidden")
	if !c.Hidden {
		said = s.sh.T("board.shown")
	}
	return s.announce(model.Change{Cards: []model.Card{c}}, s.sh.T("board.what.hide"), said)
}

// deleteSelected deletes the selected card, or the selected theme (its
// cards go back to the pile); z brings either back.
func (s *boardScreen) deleteSelected() tea.Cmd {
	l := &s.list
	if c, ok := l.selected(); ok {
		delete(s.marked, c.ID)
		l.keepPosition()
		return tea.Batch(s.change(model.Change{DeleteCards: []string{c.ID}}, s.sh.T("board.what.delete")),
			s.status(s.sh.T("board.deleted"), statusInfo))
	}
	g, ok := l.selectedGroup()
	if !ok || g.theme < 0 {
		return nil
	}
	t := l.themes[g.theme]
	if g.n > 0 || t.Dots > 0 {
		// A theme with cards or dots is work of the room: ask first.
		s.confirm = t.ID
		s.guard.open(false)
		return s.focusOn(focusConfirm)
	}
	return s.deleteTheme(t)
}
