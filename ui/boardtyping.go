package ui

import (
	"maps"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
)

// The board's side of typing into the list (typeguard.go): which keys are
// commands, what a burst of typing may change, and writing with the
// letters of a burst taken back.

// isCommand reports whether a key is one of the list's commands here. In
// a phase without themes the theme keys are letters like any other, and
// inside a burst of typing i is a letter too.
func (s *boardScreen) isCommand(msg tea.KeyPressMsg) bool {
	k := s.keys
	if key.Matches(msg, k.Input) {
		return !s.guard.within(s.sh.keyAt)
	}
	if key.Matches(msg, k.Up, k.Down, k.PageUp, k.PageDown, k.First, k.Last, k.Edit, k.Delete, k.Undo, k.ToPhase,
		k.Search, k.Next, k.Prev, k.Back, k.Vote, k.Reverse, k.Plan, k.Home, k.MoveUp, k.MoveDown, k.Hide) {
		return true
	}
	if s.harvests() && key.Matches(msg, harvestKey) {
		return true // cafe.go
	}
	return s.offers(model.StepCluster) &&
		key.Matches(msg, k.ToTheme, k.Unthemed, k.PrevTheme, k.NextTheme, k.NewTheme, k.Mark, k.Rename, k.Merge)
}

// snapshot is what a burst of typing may change on the board besides the
// cards; the func it returns puts it back.
func (s *boardScreen) snapshot() func() {
	undo, marked := s.undo.clone(), maps.Clone(s.marked)
	sel, input := s.list.cur, s.input.state()
	return func() {
		s.undo, s.marked = undo, marked
		s.input.restore(input)
		s.list.follow(sel, s.list.rowOfKey)
		s.focusOn(focusList)
	}
}

// typeInto starts writing with text, after taking back the command keys
// of the burst it belongs to; their letters go first.
func (s *boardScreen) typeInto(text string) tea.Cmd {
	letters, undo := s.guard.takeBack(s.sh.keyAt, func(ch model.Change) tea.Cmd {
		_, cmd := s.sh.commitInverse(ch)
		return cmd
	})
	if !s.offers(model.StepCollect) {
		return undo
	}
	if !s.input.fits(letters + text) {
		return tea.Batch(undo, s.status(s.sh.T("board.toolong", maxInputRunes), statusError))
	}
	focus := s.focusOn(focusText)
	s.input.insert(letters + text)
	var note tea.Cmd
	if letters != "" {
		note = s.status(s.sh.T("board.typed", strings.TrimSpace(letters+text)), statusInfo)
	}
	return tea.Batch(undo, focus, note)
}

// leaving tells the root that a list key leaves the board, so a letter
// right after it brings the keys back as text.
func (s *boardScreen) leaving() int { return s.sh.leave(screenBoard, s.ws) }
