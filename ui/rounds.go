package ui

import (
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Rounds of group work (a Bürgerforum's small groups): in a phase with
// rounds every new card carries the round the room is in. The board shows
// the round beside author and group; ctrl+l moves on to the next round
// (after the last, back to the first), in the list and while writing. The
// board starts in the latest round its cards were written in.

var roundKey = key.NewBinding(key.WithKeys("ctrl+l"), key.WithHelp("ctrl+l", "")) // help text set per language in roundHelp

// phaseRounds is the number of rounds of the board's phase, 0 for none.
func (s *boardScreen) phaseRounds() int {
	if s.sh.ws == nil {
		return 0
	}
	p, _ := s.sh.ws.Phase()
	return p.Rounds
}

// roundForNew is the round a new card gets: the one chosen with ctrl+l,
// else the latest of the phase's cards, else the first.
func (s *boardScreen) roundForNew() int {
	if s.sh.ws == nil {
		return 0
	}
	return s.sh.ws.roundOf(s.phase) // cafe.go
}

// roundKeyPress handles ctrl+l; ok is false for every other key.
func (s *boardScreen) roundKeyPress(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	if !key.Matches(msg, roundKey) {
		return nil, false
	}
	n := s.phaseRounds()
	if n == 0 {
		return s.status(s.sh.T("round.none"), statusInfo), true
	}
	next := s.roundForNew()%n + 1
	s.sh.ws.setRound(s.phase, next)
	cmd, said := s.roundTimer(next, n) // cafe.go
	return tea.Batch(cmd, s.status(said, statusInfo)), true
}

// roundField is the round on the line of author and group.
func (s *boardScreen) roundField() string {
	n := s.phaseRounds()
	if n == 0 {
		return ""
	}
	st := s.sh.st
	return "  " + st.Key.Render("ctrl+l") + st.Label.Render(" "+s.sh.T("round.label")+": ") +
		st.Accent.Render(strconv.Itoa(s.roundForNew())+"/"+strconv.Itoa(n))
}

// roundHelp is ctrl+l for the help, in the screen's language.
func (s *boardScreen) roundHelp() key.Binding {
	b := roundKey
	b.SetHelp("ctrl+l", s.sh.T("round.key"))
	return b
}
