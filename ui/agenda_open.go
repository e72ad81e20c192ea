package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// extraKey opens the photos (F7) or the agenda (F8) from the screen on
// view; esc goes back there.
func (a *app) extraKey(msg tea.KeyPressMsg) tea.Cmd {
	back := a.cur
	if key.Matches(msg, a.sh.keys.Photos) {
		return func() tea.Msg { return photosMsg{back: back} }
	}
	return func() tea.Msg { return agendaMsg{back: back} }
}

// openExtra shows the photos or the agenda screen.
func (a *app) openExtra(msg tea.Msg) tea.Cmd {
	a.proj.Stop()
	switch msg := msg.(type) {
	case photosMsg:
		a.screens[screenPhotos].(*photosScreen).back = msg.back
		return a.switchTo(screenPhotos)
	case agendaMsg:
		return tea.Batch(a.screens[screenAgenda].(*agendaScreen).start(msg.back), a.switchTo(screenAgenda))
	}
	return nil
}
