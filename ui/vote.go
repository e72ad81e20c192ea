package ui

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
)

// voteScreen is a placeholder until the screen is built.
type voteScreen struct{ sh *shared }

func newVote(sh *shared) *voteScreen { return &voteScreen{sh: sh} }

func (s *voteScreen) Update(msg tea.Msg) tea.Cmd { return nil }
func (s *voteScreen) View(w, h int) string       { return "" }
func (s *voteScreen) KeyMap() help.KeyMap        { return keyMap{} }
func (s *voteScreen) Typing() bool               { return false }
func (s *voteScreen) Enter() tea.Cmd             { return nil }
