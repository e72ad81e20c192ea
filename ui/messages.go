package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
)

// screenID names a screen.
type screenID int

const (
	screenHome screenID = iota
	screenBoard
	screenVote
	screenReverse
	screenPlan
	screenPreview
	screenSettings
	screenPhotos // photos.go
	screenAgenda // agenda.go
)

// gotoMsg asks the root to show another screen of the open workshop.
// nav is set when a list key that may have been typing sent it
// (typeguard.go); the root drops it when that key was taken back.
type gotoMsg struct {
	to  screenID
	nav int
	// saved is shown as the status once the screen has changed, and then
	// starts after that: a form that saves goes back first, so a write
	// that fails afterwards reopens it over the screen it went back to.
	saved string
	then  tea.Cmd
}

// openMsg asks the root to load and open a workshop.
type openMsg struct {
	id    string
	phase string // "" for the workshop's current phase
}

// loadedMsg carries a workshop read from the store; seq is its job in the
// writer's line.
type loadedMsg struct {
	seq   int
	snap  model.Snapshot
	phase string
	err   error
}

// homeMsg closes the workshop and shows the home screen.
type homeMsg struct{ nav int }

// phaseMsg tells the screens that the phase on screen changed.
type phaseMsg struct{ phase string }

// writesFailedMsg tells every screen that the write numbered from and the
// later ones of a workshop did not reach the disk: undo entries of those
// writes describe changes that never happened and must go.
type writesFailedMsg struct {
	workshop string
	from     int
}

// statusKind is how a status message looks.
type statusKind int

const (
	statusInfo statusKind = iota
	statusOK
	statusError
)

// statusMsg shows a line in the status bar for a few seconds.
type statusMsg struct {
	text string
	kind statusKind
}

// warnWhileMsg is a status message about a condition of the state: the
// status line drops it as soon as while no longer holds, so a warning
// never outlives its cause.
type warnWhileMsg struct {
	text  string
	kind  statusKind
	while func() bool
}

// clearStatusMsg clears the status line if it is still the one with gen.
type clearStatusMsg struct{ gen int }

// tickMsg drives the countdown.
type tickMsg time.Time

// ownedMsg is an async result that belongs to one screen; the root routes
// it there even when another screen is showing.
type ownedMsg interface{ owner() screenID }
