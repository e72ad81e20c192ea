package ui

import (
	"slices"

	"werkstatt/model"
)

// The reversal and plan screens share a small undo history. Unlike the
// board, whose card list knows its own items, these screens keep the
// inverse that committing a change returns (model.Snapshot.Apply makes it).

// undoHistory is a screen's list of changes z can take back, newest last.
type undoHistory struct{ entries []undoEntry }

// push remembers how to undo a change just committed.
func (u *undoHistory) push(inv model.Change, what string, seq int) {
	if inv.Empty() {
		return
	}
	u.entries = append(u.entries, undoEntry{change: inv, what: what, seq: seq})
	if len(u.entries) > maxUndo {
		u.entries = slices.Delete(u.entries, 0, len(u.entries)-maxUndo)
	}
}

// pop takes the newest entry off the history.
func (u *undoHistory) pop() (undoEntry, bool) {
	if len(u.entries) == 0 {
		return undoEntry{}, false
	}
	e := u.entries[len(u.entries)-1]
	u.entries = u.entries[:len(u.entries)-1]
	return e, true
}

func (u *undoHistory) reset() { u.entries = nil }

// dropFrom removes the entries of the writes from seq on, which did not
// reach the disk.
func (u *undoHistory) dropFrom(seq int) { u.entries = dropUndo(u.entries, seq) }
