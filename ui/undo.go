package ui

import (
	"slices"

	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
	"werkstatt/ui/live"
)

// Undo. Every undoable change of every screen (board, reversal, plan,
// vote, photos, Open Space, Bürgerforum, Konsens) goes through
// sh.commitUndoable, which applies it and returns the change that takes
// it back. Each screen keeps those inverses
// on an undoStack; z pops one and commits it through sh.commitInverse,
// which stamps it with the time of the undo (model.Change.Stamped): an
// undo is a new change, so an archive exported before it cannot win over
// it on import. The undo's own inverse can be taken back in turn
// (typeguard.go).

// maxUndo is how many changes z can take back on one screen.
const maxUndo = 100

// undoEntry is a change that takes a change back, with the status text
// that says what was restored.
type undoEntry struct {
	change model.Change
	what   string
	seq    int    // the write that made the change the entry takes back
	draft  string // a discarded draft, put back into the input (board only)
}

// undoStack is a screen's list of changes z can take back, newest last.
type undoStack struct{ entries []undoEntry }

// push remembers how to undo a change just committed by write seq.
func (u *undoStack) push(inv model.Change, what string, seq int) {
	if inv.Empty() {
		return
	}
	u.add(undoEntry{change: inv, what: what, seq: seq})
}

// pushDraft remembers a draft thrown away, to put back into the input.
func (u *undoStack) pushDraft(draft, what string) {
	u.add(undoEntry{draft: draft, what: what})
}

func (u *undoStack) add(e undoEntry) {
	u.entries = append(u.entries, e)
	if len(u.entries) > maxUndo {
		u.entries = slices.Delete(u.entries, 0, len(u.entries)-maxUndo)
	}
}

// pop takes the newest entry off the stack.
func (u *undoStack) pop() (undoEntry, bool) {
	if len(u.entries) == 0 {
		return undoEntry{}, false
	}
	e := u.entries[len(u.entries)-1]
	u.entries = u.entries[:len(u.entries)-1]
	return e, true
}

func (u *undoStack) reset() { u.entries = nil }

// clone is a copy of the stack that later pushes and pops leave alone,
// for the typing guard's snapshot.
func (u undoStack) clone() undoStack { return undoStack{entries: slices.Clone(u.entries)} }

// dropFrom removes the entries of the writes from seq on: they failed or
// were dropped, so their changes never reached the disk and their undo
// would bring back what never was.
func (u *undoStack) dropFrom(seq int) {
	u.entries = slices.DeleteFunc(u.entries, func(e undoEntry) bool { return e.seq >= seq })
}

// commitUndoable is commit that also returns the change that takes ch
// back, for a screen's undo stack and the typing guard.
func (sh *shared) commitUndoable(ch model.Change) (model.Change, tea.Cmd) {
	if sh.ws == nil || ch.Empty() || sh.role == live.RoleProjector {
		return model.Change{}, nil
	}
	return sh.commitWrite(write{workshop: sh.ws.snap.Workshop.ID, change: ch})
}

// commitInverse commits a change that commitUndoable returned, when z (or
// the typing guard) takes its change back: stamped now, as a change of its
// own (model.Change.Stamped). It returns the change that takes the undo
// back in turn.
func (sh *shared) commitInverse(inv model.Change) (model.Change, tea.Cmd) {
	return sh.commitUndoable(inv.Stamped(sh.now()))
}
