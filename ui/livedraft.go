package ui

import tea "charm.land/bubbletea/v2"

// Draft is the text in the board's input of a root model made by
// NewModel: what a table typed and did not send before its session ended
// (Config.Draft gives it back to the next session of that table).
func Draft(m tea.Model) string {
	if a, ok := m.(*app); ok {
		return a.boardScreen().input.draft()
	}
	return ""
}

func (a *app) boardScreen() *boardScreen { return a.screens[screenBoard].(*boardScreen) }
