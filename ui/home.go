package ui

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
)

// homeScreen is a placeholder until the screen is built.
type homeScreen struct{ sh *shared }

func newHome(sh *shared) *homeScreen { return &homeScreen{sh: sh} }

func (s *homeScreen) Update(msg tea.Msg) tea.Cmd { return nil }
func (s *homeScreen) View(w, h int) string       { return "" }
func (s *homeScreen) KeyMap() help.KeyMap        { return keyMap{} }
func (s *homeScreen) Typing() bool               { return false }
func (s *homeScreen) Enter() tea.Cmd             { return nil }
