package ui

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
)

// boardScreen is a placeholder until the screen is built.
type boardScreen struct{ sh *shared }

func newBoard(sh *shared) *boardScreen { return &boardScreen{sh: sh} }

func (s *boardScreen) Update(msg tea.Msg) tea.Cmd { return nil }
func (s *boardScreen) View(w, h int) string       { return "" }
func (s *boardScreen) KeyMap() help.KeyMap        { return keyMap{} }
func (s *boardScreen) Typing() bool               { return false }
func (s *boardScreen) Enter() tea.Cmd             { return nil }
