package ui

import tea "charm.land/bubbletea/v2"

// phaseBound is what a screen that shows one phase of the open workshop
// (the Bürgerforum's recommendations, Konsensieren, the dot vote, the
// plan) keeps to know whether what it shows is still current: the
// session and phase it was entered for, the session version its rows
// were built from, and the undo entries of the changes made on it. The
// screens embed it; their Update starts with prelude.
type phaseBound struct {
	ws    *session // the session the screen's state belongs to
	phase string
	built int // the session version the rows were built from; -1: build them again
	undo  undoStack

	// follow is set for a screen that stays on when its session moves
	// to another phase (the plan) and shows the new phase; the others
	// are entered afresh on it.
	follow bool
}

func newPhaseBound() phaseBound { return phaseBound{built: -1} }

// enter binds the screen to the open session's phase and has its rows
// built again. It reports whether that is another session or phase than
// before: the screen then starts afresh (its undo entries are dropped
// here, the rest is the caller's).
func (b *phaseBound) enter(open *session) (fresh bool) {
	fresh = b.ws != open || b.phase != open.phase
	if fresh {
		b.ws, b.phase = open, open.phase
		b.undo.reset()
	}
	b.built = -1
	return fresh
}

// current reports whether the screen's state belongs to the open
// session.
func (b *phaseBound) current(open *session) bool {
	return open != nil && b.ws == open
}

// prelude handles what every phase-bound screen does with the messages
// that are not for it alone, and reports whether msg is left for the
// screen: its state belongs to the open session (the screen then syncs
// its rows and handles keys and pastes).
//
// A phase change drops the screen's session, so that Enter starts
// afresh on the new phase; a screen that follows takes the new phase
// instead. When writes failed the workshop went back to what is on
// disk: the rows follow it again, and the undo entries of the writes
// that did not reach it, which would bring back what never was, go.
func (b *phaseBound) prelude(msg tea.Msg, open *session) bool {
	switch msg := msg.(type) {
	case phaseMsg:
		switch {
		case b.follow && b.current(open):
			b.phase = msg.phase
			b.built = -1
		case !b.follow && b.ws != nil && msg.phase != b.phase:
			b.ws = nil
		}
		return false
	case writesFailedMsg:
		b.built = -1
		b.undo.dropFrom(msg.from)
		return false
	}
	return b.current(open)
}

// takeBack undoes the screen's last change through the one undo path
// (shared.commitInverse), builds the rows again with sync and reports it
// with say; with nothing to undo it says so.
func (p *phaseBound) takeBack(sh *shared, sync func(), say func(string, statusKind) tea.Cmd) tea.Cmd {
	e, ok := p.undo.pop()
	if !ok {
		return say(sh.T("board.undo.none"), statusInfo)
	}
	_, cmd := sh.commitInverse(e.change)
	p.built = -1
	sync()
	return tea.Batch(cmd, say(sh.T("board.undone", e.what), statusOK))
}
