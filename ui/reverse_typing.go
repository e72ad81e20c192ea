package ui

import (
	"maps"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
)

// The reversal's side of typing into the list (typeguard.go), as on the
// board.

// isCommand reports whether a key is one of the list's commands; inside a
// burst of typing the keys that only start writing are letters.
func (s *reverseScreen) isCommand(msg tea.KeyPressMsg) bool {
	k := s.keys
	if key.Matches(msg, k.Write) {
		return !s.guard.within(s.sh.keyAt)
	}
	return key.Matches(msg, k.Up, k.Down, k.PrevTheme, k.NextTheme, k.First, k.Last, k.Edit, k.Cards,
		k.Delete, k.Undo, k.MoveUp, k.MoveDown, k.Back, k.Home, k.Link, k.NewTheme)
}

// snapshot is what a burst of typing may change besides the statements;
// the func it returns puts it back.
func (s *reverseScreen) snapshot() func() {
	undo, open := s.undo.clone(), maps.Clone(s.open)
	sel, input := s.list.cur, s.input.state()
	return func() {
		s.undo, s.open = undo, open
		s.input.restore(input)
		s.list.follow(sel, s.list.find)
		s.focusOn(revList)
	}
}

// typeInto starts writing a statement with text, after taking back the
// command keys of the burst it belongs to (typeguard.go).
func (s *reverseScreen) typeInto(text string) tea.Cmd {
	letters, undo := s.guard.takeBack(s.sh.keyAt, func(ch model.Change) tea.Cmd {
		_, cmd := s.sh.commitInverse(ch)
		return cmd
	})
	if len(s.groups) == 0 {
		return tea.Batch(undo, s.status(s.sh.T("rev.nothemes.short"), statusInfo))
	}
	if !s.input.fits(letters + text) {
		return tea.Batch(undo, s.status(s.sh.T("board.toolong", maxInputRunes), statusError))
	}
	focus := s.focusOn(revInput)
	s.input.insert(letters + text)
	var note tea.Cmd
	if letters != "" {
		note = s.status(s.sh.T("rev.typed", strings.TrimSpace(letters+text)), statusInfo)
	}
	return tea.Batch(undo, focus, note)
}
