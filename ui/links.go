package ui

import (
	"time"

	"werkstatt/model"
)

// Links between items must never name an item that is gone: an archive
// with such a link is refused on import, so a workshop could not move to
// another laptop. When a theme is deleted or merged, the statements that
// reverse it or lead to it and the measures that serve it follow it (to
// the theme it was merged into, or to none); when a statement is deleted,
// the measures that answer it lose that link. Each is part of the same
// change, so one undo brings the links back with the item.

// relinkTheme returns the statements and measures that point at theme
// from, pointed at to instead ("" for none) and stamped now.
func (sh *shared) relinkTheme(from, to string, now time.Time) ([]model.Reversal, []model.Measure) {
	var revs []model.Reversal
	for _, r := range sh.ws.snap.Reversals {
		if r.Theme != from && r.Vision != from {
			continue
		}
		if r.Theme == from {
			r.Theme = to
		}
		if r.Vision == from {
			r.Vision = to
		}
		r.Updated = now
		revs = append(revs, r)
	}
	var ms []model.Measure
	for _, m := range sh.ws.snap.Measures {
		if m.Vision == from {
			m.Vision, m.Updated = to, now
			ms = append(ms, m)
		}
	}
	return revs, ms
}

// unlinkReversals returns the measures that answer one of the statements
// ids, without that link, stamped now.
func (sh *shared) unlinkReversals(ids []string, now time.Time) []model.Measure {
	gone := make(map[string]bool, len(ids))
	for _, id := range ids {
		gone[id] = true
	}
	var ms []model.Measure
	for _, m := range sh.ws.snap.Measures {
		if m.Reversal != "" && gone[m.Reversal] {
			m.Reversal, m.Updated = "", now
			ms = append(ms, m)
		}
	}
	return ms
}
