package model

import (
	"maps"
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
	s.Cards, inverse.Cards, inverse.DeleteCards = applyItems(s.Cards, ch.Cards, ch.DeleteCards, func(c *Card) string { return c.ID })
	s.Themes, inverse.Themes, inverse.DeleteThemes = applyItems(s.Themes, ch.Themes, ch.DeleteThemes, func(t *Theme) string { return t.ID })
	s.Reversals, inverse.Reversals, inverse.DeleteReversals = applyItems(s.Reversals, ch.Reversals, ch.DeleteReversals, func(r *Reversal) string { return r.ID })
	s.Measures, inverse.Measures, inverse.DeleteMeasures = applyItems(s.Measures, ch.Measures, ch.DeleteMeasures, func(m *Measure) string { return m.ID })
	s.Photos, inverse.Photos, inverse.DeletePhotos = applyItems(s.Photos, ch.Photos, ch.DeletePhotos, func(p *Photo) string { return p.ID })
	s.Ballots, inverse.Ballots, inverse.DeleteBallots = applyItems(s.Ballots, ch.Ballots, ch.DeleteBallots, func(b *Ballot) string { return b.ID })
	s.Resistances, inverse.Resistances, inverse.DeleteResistances = applyItems(s.Resistances, ch.Resistances, ch.DeleteResistances, func(r *Resistance) string { return r.ID })
	s.Recommendations, inverse.Recommendations, inverse.DeleteRecommendations = applyItems(s.Recommendations, ch.Recommendations, ch.DeleteRecommendations, func(r *Recommendation) string { return r.ID })
	s.applyFiles(ch, &inverse)
	return inverse
}

// applyFiles keeps the photos' bytes in step with a change, where the
// snapshot holds them (PhotoFiles not nil): the bytes of a deleted photo
// go into the inverse, so that undoing the deletion brings them back.
func (s *Snapshot) applyFiles(ch Change, inverse *Change) {
	for _, id := range ch.DeletePhotos {
		if b, ok := s.PhotoFiles[id]; ok {
			if inverse.PhotoFiles == nil {
				inverse.PhotoFiles = map[string][]byte{}
			}
			inverse.PhotoFiles[id] = b
			delete(s.PhotoFiles, id)
		}
	}
	if s.PhotoFiles == nil {
		return
	}
	for id, b := range ch.PhotoFiles {
		s.PhotoFiles[id] = b
	}
}

// applyItems puts and deletes items by id and returns the new slice with
// what restores the old one: the old versions to put back and the ids of
// items that were new. Items are kept in id order, which is creation order,
// so an item is found by binary search; a change costs a few comparisons,
// not a pass that builds an index of a phase of 10,000 cards.
func applyItems[T any](items, puts []T, dels []string, id func(*T) string) (out, restore []T, added []string) {
	if len(puts) == 0 && len(dels) == 0 {
		return items, nil, nil
	}
	for _, p := range puts {
		pid := id(&p)
		if i, ok := find(items, pid, id); ok {
			restore = append(restore, items[i])
			items[i] = p
			continue
		}
		// An undone deletion returns to its place.
		pos := sort.Search(len(items), func(i int) bool { return id(&items[i]) > pid })
		items = slices.Insert(items, pos, p)
		added = append(added, pid)
	}
	for _, d := range dels {
		if i, ok := find(items, d, id); ok {
			restore = append(restore, items[i])
			items = slices.Delete(items, i, i+1)
		}
	}
	return items, restore, added
}

// find returns the index of the item with id want. Items are in id order
// as the store and the archive keep them; should a caller's slice not be,
// a plain scan still finds the item rather than adding it twice.
//
// The items are passed by pointer: a card is some hundred bytes, and
// the scan for a new card's id (not found, so every item is looked at)
// copied each of them; for a session of a hall in which every table's
// card is applied to every session's snapshot, that copying was most of
// applying a card.
func find[T any](items []T, want string, id func(*T) string) (int, bool) {
	i := sort.Search(len(items), func(i int) bool { return id(&items[i]) >= want })
	if i < len(items) && id(&items[i]) == want {
		return i, true
	}
	for i := range items {
		if id(&items[i]) == want {
			return i, true
		}
	}
	return 0, false
}

// Clone returns a copy that shares nothing changeable with s: Apply on
// either leaves the other as it was. (Strings are shared; they cannot
// change.) The UI hands a clone to work that runs beside it, such as
// writing the record in a Cmd.
func (s Snapshot) Clone() Snapshot {
	c := s
	c.Workshop.Facilitators = slices.Clone(s.Workshop.Facilitators)
	c.Workshop.Questions = maps.Clone(s.Workshop.Questions)
	c.Workshop.Timers = maps.Clone(s.Workshop.Timers)
	c.Workshop.Timeboxes = maps.Clone(s.Workshop.Timeboxes)
	c.Workshop.Agenda = slices.Clone(s.Workshop.Agenda)
	c.Workshop.Attendance = slices.Clone(s.Workshop.Attendance)
	c.Workshop.Names = slices.Clone(s.Workshop.Names)
	c.Workshop.Rooms = slices.Clone(s.Workshop.Rooms)
	c.Workshop.Slots = slices.Clone(s.Workshop.Slots)
	c.Workshop.Phones.Groups = slices.Clone(s.Workshop.Phones.Groups)
	c.Workshop.Tables = slices.Clone(s.Workshop.Tables)
	c.Workshop.RoundTimeboxes = maps.Clone(s.Workshop.RoundTimeboxes) // a round's list is replaced, never changed in place
	c.Ballots = slices.Clone(s.Ballots)                               // a ballot's map is replaced, never changed in place
	c.Cards = slices.Clone(s.Cards)
	c.Themes = slices.Clone(s.Themes)
	c.Reversals = slices.Clone(s.Reversals)
	c.Measures = slices.Clone(s.Measures)
	c.Photos = slices.Clone(s.Photos)
	c.Resistances = slices.Clone(s.Resistances)
	for i, r := range c.Resistances {
		c.Resistances[i].Values = maps.Clone(r.Values)
	}
	c.Recommendations = slices.Clone(s.Recommendations)
	c.PhotoFiles = maps.Clone(s.PhotoFiles) // the bytes of a photo are never changed in place
	return c
}
