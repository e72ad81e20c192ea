package model

import (
	"slices"
	"sort"
)

// Apply makes the change on the snapshot in memory, as the store makes it
// on disk, and returns the change that undoes it. Puts replace the item
// with the same id or append a new one; deletes of unknown ids do nothing.
// The UI uses the inverse both to roll back a write that failed and to
// undo a deletion.
func (s *Snapshot) Apply(ch Change) (inverse Change) {
	if ch.Workshop != nil {
		old := s.Workshop
		inverse.Workshop = &old
		s.Workshop = *ch.Workshop
	}
	s.Cards, inverse.Cards, inverse.DeleteCards = applyItems(s.Cards, ch.Cards, ch.DeleteCards, func(c Card) string { return c.ID })
	s.Themes, inverse.Themes, inverse.DeleteThemes = applyItems(s.Themes, ch.Themes, ch.DeleteThemes, func(t Theme) string { return t.ID })
	s.Reversals, inverse.Reversals, inverse.DeleteReversals = applyItems(s.Reversals, ch.Reversals, ch.DeleteReversals, func(r Reversal) string { return r.ID })
	s.Measures, inverse.Measures, inverse.DeleteMeasures = applyItems(s.Measures, ch.Measures, ch.DeleteMeasures, func(m Measure) string { return m.ID })
	return inverse
}

// applyItems puts and deletes items by id and returns the new slice with
// what restores the old one: the old versions to put back and the ids of
// items that were new.
func applyItems[T any](items, puts []T, dels []string, id func(T) string) (out, restore []T, added []string) {
	if len(puts) == 0 && len(dels) == 0 {
		return items, nil, nil
	}
	index := make(map[string]int, len(items))
	for i, it := range items {
		index[id(it)] = i
	}
	for _, p := range puts {
		if i, ok := index[id(p)]; ok {
			restore = append(restore, items[i])
			items[i] = p
			continue
		}
		// Items are kept in id order, which is creation order, so an
		// undone deletion returns to its place.
		pos := sort.Search(len(items), func(i int) bool { return id(items[i]) > id(p) })
		items = slices.Insert(items, pos, p)
		if pos != len(items)-1 {
			for k, v := range index {
				if v >= pos {
					index[k] = v + 1
				}
			}
		}
		index[id(p)] = pos
		added = append(added, id(p))
	}
	if len(dels) > 0 {
		gone := make(map[string]bool, len(dels))
		for _, d := range dels {
			if i, ok := index[d]; ok && !gone[d] {
				gone[d] = true
				restore = append(restore, items[i])
			}
		}
		kept := items[:0]
		for _, it := range items {
			if !gone[id(it)] {
				kept = append(kept, it)
			}
		}
		items = kept
	}
	return items, restore, added
}
