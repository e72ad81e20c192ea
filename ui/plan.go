package ui

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
)

// planScreen is a placeholder until the screen is built.
type planScreen struct{ sh *shared }

func newPlan(sh *shared) *planScreen { return &planScreen{sh: sh} }

func (s *planScreen) Update(msg tea.Msg) tea.Cmd { return nil }
func (s *planScreen) View(w, h int) string       { return "" }
func (s *planScreen) KeyMap() help.KeyMap        { return keyMap{} }
func (s *planScreen) Typing() bool               { return false }
func (s *planScreen) Enter() tea.Cmd             { return nil }
