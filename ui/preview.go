package ui

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
)

// previewScreen is a placeholder until the screen is built.
type previewScreen struct{ sh *shared }

func newPreview(sh *shared) *previewScreen { return &previewScreen{sh: sh} }

func (s *previewScreen) Update(msg tea.Msg) tea.Cmd { return nil }
func (s *previewScreen) View(w, h int) string       { return "" }
func (s *previewScreen) KeyMap() help.KeyMap        { return keyMap{} }
func (s *previewScreen) Typing() bool               { return false }
func (s *previewScreen) Enter() tea.Cmd             { return nil }
