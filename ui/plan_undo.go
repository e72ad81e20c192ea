package ui

import (
	"slices"

	"werkstatt/model"
)

// The reversal and plan screens share a small undo history. Unlike the
// board, whose card list knows its own items, these screens compute the
// inverse of a change from the session's snapshot before they commit it.

// inverseOf returns the change that takes ch back on snap: the old
// workshop, the old versions of changed or deleted reversals and measures,
// and deletions of the ones ch creates.
func inverseOf(snap *model.Snapshot, ch model.Change) model.Change {
	var inv model.Change
	if ch.Workshop != nil {
		w := snap.Workshop
		inv.Workshop = &w
	}
	revs := make(map[string]model.Reversal, len(snap.Reversals))
	for _, r := range snap.Reversals {
		revs[r.ID] = r
	}
	for _, r := range ch.Reversals {
		if old, ok := revs[r.ID]; ok {
			inv.Reversals = append(inv.Reversals, old)
		} else {
			inv.DeleteReversals = append(inv.DeleteReversals, r.ID)
		}
	}
	for _, id := range ch.DeleteReversals {
		if old, ok := revs[id]; ok {
			inv.Reversals = append(inv.Reversals, old)
		}
	}
	ms := make(map[string]model.Measure, len(snap.Measures))
	for _, m := range snap.Measures {
		ms[m.ID] = m
	}
	for _, m := range ch.Measures {
		if old, ok := ms[m.ID]; ok {
			inv.Measures = append(inv.Measures, old)
		} else {
			inv.DeleteMeasures = append(inv.DeleteMeasures, m.ID)
		}
	}
	for _, id := range ch.DeleteMeasures {
		if old, ok := ms[id]; ok {
			inv.Measures = append(inv.Measures, old)
		}
	}
	return inv
}

// undoHistory is a screen's list of changes z can take back, newest last.
type undoHistory struct{ entries []undoEntry }

// push remembers how to undo a change about to be committed.
func (u *undoHistory) push(sh *shared, ch model.Change, what string) {
	inv := inverseOf(&sh.ws.snap, ch)
	if inv.Empty() {
		return
	}
	u.entries = append(u.entries, undoEntry{change: inv, what: what})
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
