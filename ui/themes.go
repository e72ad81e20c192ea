package ui

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
)

// The board's clustering: each operation builds one model.Change from the
// list's index (so it is all written or nothing is), remembers the change
// that undoes it and commits it. The Change builders are plain methods on
// cardList, so they can be tested without a terminal.

// moveCards puts cards into a theme ("" for the unthemed pile), appended
// after the theme's cards in the order given. Cards already there stay.
func (l *cardList) moveCards(ids []string, themeID string, now time.Time) model.Change {
	var ch model.Change
	next := l.groupOf(themeID).maxOrder + 1
	for _, id := range ids {
		c, ok := l.card(id)
		if !ok || c.Theme == themeID {
			continue
		}
		c.Theme, c.Order, c.Updated = themeID, next, now
		next++
		ch.Cards = append(ch.Cards, c)
	}
	return ch
}

// newTheme makes a theme after the last one and puts the cards into it.
func (l *cardList) newTheme(title string, ids []string, now time.Time) (model.Change, model.Theme) {
	order := 0
	for _, t := range l.themes {
		order = max(order, t.Order+1)
	}
	t := model.Theme{ID: model.NewID(now), Phase: l.phase, Title: title, Order: order, Created: now, Updated: now}
	ch := model.Change{Themes: []model.Theme{t}}
	next := 0
	for _, id := range ids {
		c, ok := l.card(id)
		if !ok {
			continue
		}
		c.Theme, c.Order, c.Updated = t.ID, next, now
		next++
		ch.Cards = append(ch.Cards, c)
	}
	return ch, t
}

// renameTheme gives a theme a new title.
func (l *cardList) renameTheme(id, title string, now time.Time) model.Change {
	t, _, ok := l.theme(id)
	if !ok || t.Title == title {
		return model.Change{}
	}
	t.Title, t.Updated = title, now
	return model.Change{Themes: []model.Theme{t}}
}

// mergeThemes moves the cards of theme src to theme dst, adds src's dots to
// dst's and deletes src, in one change.
func (l *cardList) mergeThemes(src, dst string, now time.Time) model.Change {
	from, _, ok1 := l.theme(src)
	to, _, ok2 := l.theme(dst)
	if !ok1 || !ok2 || src == dst {
		return model.Change{}
	}
	g := l.groupOf(src)
	ids := make([]string, 0, g.n)
	for _, c := range l.cards[g.first : g.first+g.n] {
		ids = append(ids, c.ID)
	}
	ch := l.moveCards(ids, dst, now)
	if from.Dots != 0 {
		to.Dots += from.Dots
		to.Updated = now
		ch.Themes = []model.Theme{to}
	}
	ch.DeleteThemes = []string{src}
	return ch
}

// deleteTheme deletes a theme; its cards go back to the unthemed pile.
func (l *cardList) deleteTheme(id string, now time.Time) model.Change {
	if _, _, ok := l.theme(id); !ok {
		return model.Change{}
	}
	g := l.groupOf(id)
	ids := make([]string, 0, g.n)
	for _, c := range l.cards[g.first : g.first+g.n] {
		ids = append(ids, c.ID)
	}
	ch := l.moveCards(ids, "", now)
	ch.DeleteThemes = []string{id}
	return ch
}

// moveTheme swaps a theme with its neighbour (dir -1 up, +1 down). The
// themes' orders are renumbered 0, 1, 2 … where they were not already, so
// the swap works even when two themes had the same order.
func (l *cardList) moveTheme(id string, dir int, now time.Time) model.Change {
	_, i, ok := l.theme(id)
	j := i + dir
	if !ok || j < 0 || j >= len(l.themes) {
		return model.Change{}
	}
	order := slices.Clone(l.themes)
	order[i], order[j] = order[j], order[i]
	var ch model.Change
	for k, t := range order {
		if t.Order != k {
			t.Order, t.Updated = k, now
			ch.Themes = append(ch.Themes, t)
		}
	}
	return ch
}

// moveCardWithin swaps a card with its neighbour in its group.
func (l *cardList) moveCardWithin(id string, dir int, now time.Time) model.Change {
	r, ok := l.rowOfCard(id)
	if !ok {
		return model.Change{}
	}
	g := l.groups[l.rows[r].group]
	i := l.rows[r].card - g.first
	j := i + dir
	if j < 0 || j >= g.n {
		return model.Change{}
	}
	order := slices.Clone(l.cards[g.first : g.first+g.n])
	order[i], order[j] = order[j], order[i]
	var ch model.Change
	for k, c := range order {
		if c.Order != k {
			c.Order, c.Updated = k, now
			ch.Cards = append(ch.Cards, c)
		}
	}
	return ch
}

// change commits a board change and remembers how to undo it. what is the
// status text an undo shows.
func (s *boardScreen) change(ch model.Change, what string) tea.Cmd {
	inv, cmd := s.sh.commitUndoable(ch)
	s.guard.record(inv)
	s.undo.push(inv, what, s.sh.lastSeq())
	return cmd
}

// announce commits a change and names it in the status line with its undo
// key; a change that changes nothing says nothing.
func (s *boardScreen) announce(ch model.Change, what, said string) tea.Cmd {
	if ch.Empty() {
		return nil
	}
	return tea.Batch(s.change(ch, what), s.status(said, statusOK))
}

// undoLast takes the last board change back.
func (s *boardScreen) undoLast() tea.Cmd {
	u, ok := s.undo.pop()
	if !ok {
		return s.status(s.sh.T("board.undo.none"), statusInfo)
	}
	if u.draft != "" {
		return s.undoDiscard(u)
	}
	if len(u.change.Cards) > 0 {
		s.list.selectCard(u.change.Cards[0].ID)
	} else if len(u.change.Themes) > 0 {
		s.list.selectTheme(u.change.Themes[0].ID)
	}
	inv, cmd := s.sh.commitInverse(u.change)
	// Typed by mistake, the undo itself is taken back (typeguard.go).
	s.guard.record(inv)
	return tea.Batch(cmd, s.status(s.sh.T("board.undone", u.what), statusOK))
}

// clusterKey handles the list's clustering keys.
func (s *boardScreen) clusterKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	l := &s.list
	if !key.Matches(msg, k.ToTheme, k.Unthemed, k.PrevTheme, k.NextTheme, k.NewTheme, k.Mark, k.Rename, k.Merge, k.MoveUp, k.MoveDown) {
		return nil
	}
	// Reordering and marking make sense in any list; themes only where
	// the phase clusters.
	if !s.offers(model.StepCluster) && !key.Matches(msg, k.MoveUp, k.MoveDown) {
		return s.status(s.sh.T("board.nocluster"), statusInfo)
	}
	now := s.sh.now()
	switch {
	case key.Matches(msg, k.Mark):
		if c, ok := l.selected(); ok {
			if s.marked[c.ID] {
				delete(s.marked, c.ID)
			} else {
				s.marked[c.ID] = true
			}
			l.selectRow(l.sel + 1)
		}
	case key.Matches(msg, k.ToTheme):
		n := int(msg.String()[0] - '0')
		i, ok := s.nums.find(l, n)
		if !ok {
			return s.status(s.sh.T("board.nosuchtheme", n), statusInfo)
		}
		return s.moveTo(l.themes[i].ID, l.themes[i].Title)
	case key.Matches(msg, k.Unthemed):
		return s.moveTo("", s.sh.T("board.unthemed"))
	case key.Matches(msg, k.PrevTheme, k.NextTheme):
		dir := 1
		if key.Matches(msg, k.PrevTheme) {
			dir = -1
		}
		return s.stepTheme(dir, now)
	case key.Matches(msg, k.NewTheme):
		return s.startPrompt(promptNewTheme)
	case key.Matches(msg, k.Rename):
		return s.startPrompt(promptRename)
	case key.Matches(msg, k.Merge):
		return s.startPrompt(promptMerge)
	case key.Matches(msg, k.MoveUp, k.MoveDown):
		dir := 1
		if key.Matches(msg, k.MoveUp) {
			dir = -1
		}
		return s.shift(dir, now)
	}
	return nil
}

// stepTheme moves the selected card to the theme before (dir -1) or
// after (+1) its own; the pile comes before the first theme.
func (s *boardScreen) stepTheme(dir int, now time.Time) tea.Cmd {
	l := &s.list
	c, ok := l.selected()
	if !ok {
		return nil
	}
	pos := 0 // 0 is the pile, i+1 is themes[i]
	if _, i, ok := l.theme(c.Theme); ok {
		pos = i + 1
	}
	pos += dir
	if pos < 0 || pos > len(l.themes) {
		return nil
	}
	id, title := "", s.sh.T("board.unthemed")
	if pos > 0 {
		id, title = l.themes[pos-1].ID, l.themes[pos-1].Title
	}
	l.selectCard(c.ID)
	return tea.Batch(s.change(l.moveCards([]string{c.ID}, id, now), s.sh.T("board.what.move")),
		s.status(s.sh.T("board.moved", s.sh.cardCount(1), title), statusOK))
}

// shift moves the selected card within its theme, or the selected theme
// among the themes, one place up (dir -1) or down (+1).
func (s *boardScreen) shift(dir int, now time.Time) tea.Cmd {
	l := &s.list
	if c, ok := l.selected(); ok {
		l.selectCard(c.ID)
		return s.announce(l.moveCardWithin(c.ID, dir, now), s.sh.T("board.what.move"), s.sh.T("board.shifted.card"))
	}
	if g, ok := l.selectedGroup(); ok && g.theme >= 0 {
		id := l.themes[g.theme].ID
		l.selectTheme(id)
		return s.announce(l.moveTheme(id, dir, now), s.sh.T("board.what.move"), s.sh.T("board.shifted.theme"))
	}
	return nil
}

// targets are the cards a theme key acts on: the marked ones in list
// order, or else the selected card.
func (s *boardScreen) targets() []string {
	l := &s.list
	if len(s.marked) > 0 {
		ids := make([]string, 0, len(s.marked))
		for id := range s.marked {
			if _, ok := l.cardAt[id]; ok {
				ids = append(ids, id)
			}
		}
		row := func(id string) int { r, _ := l.rowOfCard(id); return r }
		slices.SortFunc(ids, func(a, b string) int { return row(a) - row(b) })
		return ids
	}
	if c, ok := l.selected(); ok {
		return []string{c.ID}
	}
	return nil
}

// moveTo puts the target cards into a theme. The selection stays on its
// row, so sorting a pile is one number key per card.
func (s *boardScreen) moveTo(themeID, title string) tea.Cmd {
	ids := s.targets()
	if len(ids) == 0 {
		return s.status(s.sh.T("board.pickcard"), statusInfo)
	}
	ch := s.list.moveCards(ids, themeID, s.sh.now())
	s.marked = map[string]bool{}
	s.list.keepPosition()
	return tea.Batch(s.change(ch, s.sh.T("board.what.move")),
		s.status(s.sh.T("board.moved", s.sh.cardCount(len(ch.Cards)), title), statusOK))
}

// startPrompt asks for a theme title or a merge target in one line.
func (s *boardScreen) startPrompt(kind promptKind) tea.Cmd {
	l := &s.list
	s.prompt.SetValue("")
	s.prompt.Placeholder = ""
	if kind != promptNewTheme {
		g, ok := l.selectedGroup()
		if !ok || g.theme < 0 {
			return s.status(s.sh.T("board.nothemehere"), statusInfo)
		}
		t := l.themes[g.theme]
		s.promptTheme = t.ID
		if kind == promptRename {
			s.prompt.SetValue(t.Title)
		} else {
			if len(l.themes) < 2 {
				return s.status(s.sh.T("board.merge.none"), statusInfo)
			}
			s.prompt.Placeholder = s.sh.T("board.merge.placeholder", s.nums.highest(l))
		}
	}
	s.promptKind = kind
	s.guard.open(kind == promptMerge)
	return s.focusOn(focusPrompt)
}

// promptLabel is the question before the prompt's field.
func (s *boardScreen) promptLabel() string {
	switch s.promptKind {
	case promptRename:
		return s.sh.T("board.prompt.rename")
	case promptMerge:
		t, _, _ := s.list.theme(s.promptTheme)
		return s.sh.T("board.prompt.merge", truncate(t.Title, 24))
	}
	if n := len(s.targets()); n > 1 {
		return s.sh.N("board.prompt.newtheme.n", n)
	}
	return s.sh.T("board.prompt.newtheme")
}

// promptKey handles a key in the prompt.
func (s *boardScreen) promptKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, s.keys.Cancel):
		return s.focusOn(focusList)
	case key.Matches(msg, s.keys.Confirm):
		return s.finishPrompt()
	}
	var cmd tea.Cmd
	s.prompt, cmd = s.prompt.Update(msg)
	return cmd
}

// finishPrompt acts on the prompt's answer. A bad answer keeps the prompt
// open with a hint.
func (s *boardScreen) finishPrompt() tea.Cmd {
	l := &s.list
	val := fieldValue(s.prompt)
	now := s.sh.now()
	switch s.promptKind {
	case promptNewTheme:
		if val == "" {
			return s.status(s.sh.T("board.title.empty"), statusInfo)
		}
		ids := s.targets()
		ch, t := l.newTheme(val, ids, now)
		s.marked = map[string]bool{}
		if len(ids) > 0 {
			l.keepPosition()
		} else {
			l.selectTheme(t.ID)
		}
		return tea.Batch(s.focusOn(focusList), s.change(ch, s.sh.T("board.what.newtheme", val)),
			s.status(s.sh.T("board.theme.created", val, s.sh.cardCount(len(ids))), statusOK))
	case promptRename:
		if val == "" {
			return s.status(s.sh.T("board.title.empty"), statusInfo)
		}
		return tea.Batch(s.focusOn(focusList), s.announce(l.renameTheme(s.promptTheme, val, now), s.sh.T("board.what.rename"), s.sh.T("board.renamed", val)))
	}
	n, err := strconv.Atoi(val)
	i, ok := s.nums.find(l, n)
	if err != nil || !ok {
		return s.status(s.sh.T("board.merge.bad", s.nums.highest(l)), statusInfo)
	}
	dst := l.themes[i]
	if dst.ID == s.promptTheme {
		return s.status(s.sh.T("board.merge.self"), statusInfo)
	}
	src, _, _ := l.theme(s.promptTheme)
	ch := l.mergeThemes(s.promptTheme, dst.ID, now)
	ch.Reversals, ch.Measures = s.sh.relinkTheme(s.promptTheme, dst.ID, now)
	l.selectTheme(dst.ID)
	return tea.Batch(s.focusOn(focusList), s.change(ch, s.sh.T("board.what.merge", src.Title)),
		s.status(s.sh.T("board.merged", src.Title, dst.Title), statusOK))
}

// deleteTheme deletes a theme; its cards go back to the pile.
func (s *boardScreen) deleteTheme(t model.Theme) tea.Cmd {
	l := &s.list
	l.selectTheme("")
	now := s.sh.now()
	ch := l.deleteTheme(t.ID, now)
	ch.Reversals, ch.Measures = s.sh.relinkTheme(t.ID, "", now)
	return tea.Batch(s.change(ch, s.sh.T("board.what.deltheme", t.Title)),
		s.status(s.sh.T("board.theme.deleted", t.Title), statusInfo))
}

// confirmKey answers the question whether to delete a theme: j or y
// deletes it, n or Esc keeps it; other keys wait for the answer.
func (s *boardScreen) confirmKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, s.keys.Yes):
		s.focusOn(focusList)
		if t, _, ok := s.list.theme(s.confirm); ok {
			return s.deleteTheme(t)
		}
	case key.Matches(msg, s.keys.No):
		s.focusOn(focusList)
		return s.status(s.sh.T("board.theme.kept"), statusInfo)
	}
	return nil
}

// confirmQuestion is the question asked before deleting a theme.
func (s *boardScreen) confirmQuestion() string {
	t, _, _ := s.list.theme(s.confirm)
	what := s.sh.cardCount(s.list.groupOf(t.ID).n)
	if t.Dots > 0 {
		what += ", " + s.sh.dotCount(t.Dots)
	}
	return s.sh.T("board.confirm.theme", truncate(strings.ReplaceAll(t.Title, "\n", " "), 24), what)
}
