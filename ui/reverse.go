package ui

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
)

// reverseScreen is a placeholder until the screen is built.
type reverseScreen struct{ sh *shared }

func newReverse(sh *shared) *reverseScreen { return &reverseScreen{sh: sh} }

func (s *reverseScreen) Update(msg tea.Msg) tea.Cmd { return nil }
func (s *reverseScreen) View(w, h int) string       { return "" }
func (s *reverseScreen) KeyMap() help.KeyMap        { return keyMap{} }
func (s *reverseScreen) Typing() bool               { return false }
func (s *reverseScreen) Enter() tea.Cmd             { return nil }
