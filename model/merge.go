package model

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// MergeReport tells what an import did.
type MergeReport struct {
	Created   bool     `json:"created"` // the workshop was new
	Added     int      `json:"added"`   // items that were not there
	Updated   int      `json:"updated"` // items replaced by a later change
	Unchanged int      `json:"unchanged"`
	Conflicts []string `json:"conflicts,omitempty"` // one line per item changed on both sides, in English
	// Details holds the same conflicts as data, so the UI can say them in
	// the user's language with Lines.
	Details []Conflict `json:"details,omitempty"`
	// Moved are the Open Space topics that ended up in the same cell of
	// the marketplace as another and went beside the grid (SettleCells).
	Moved []TopicMove `json:"moved,omitempty"`
}

// Lines returns one line per conflict in language l.
func (r MergeReport) Lines(l Lang) []string {
	out := make([]string, len(r.Details))
	for i, c := range r.Details {
		out[i] = c.Line(l)
	}
	return out
}

// MovedLines returns one line per topic moved beside the grid, in
// language l.
func (r MergeReport) MovedLines(l Lang) []string {
	out := make([]string, len(r.Moved))
	for i, m := range r.Moved {
		out[i] = m.Line(l)
	}
	return out
}

// Changed reports whether the import wrote anything.
func (r MergeReport) Changed() bool {
	if r.Created || r.Added > 0 || r.Updated > 0 || len(r.Moved) > 0 {
		return true
	}
	for _, c := range r.Details {
		if c.Imported {
			return true
		}
	}
	return false
}

// Conflict is an item that differs between the database and an imported
// copy of the same workshop.
type Conflict struct {
	Kind     string `json:"kind"` // "workshop", "card", "theme", "reversal", "measure", "photo" or "ballot"
	ID       string `json:"id"`
	Text     string `json:"text"`     // the item's text, shortened to one line
	Imported bool   `json:"imported"` // the imported version won
	// SameTime says both versions carry the same Updated time; the version
	// in the database is kept then, so importing twice changes nothing.
	SameTime bool `json:"same_time,omitempty"`
}

// conflictKinds are the item kinds as the record names them.
var conflictKinds = map[string]Text{
	"workshop":       {De: "Workshop", En: "workshop"},
	"card":           {De: "Karte", En: "card"},
	"theme":          {De: "Thema", En: "theme"},
	"reversal":       {De: "Positivumkehr", En: "reversal"},
	"measure":        {De: "Maßnahme", En: "measure"},
	"photo":          {De: "Foto", En: "photo"},
	"ballot":         {De: "Handy-Stimmzettel", En: "phone ballot"},
	"resistance":     {De: "Widerstandszeile", En: "resistance row"},
	"recommendation": {De: "Empfehlung", En: "recommendation"},
}

// Line says in language l which version of the item was kept and why.
func (c Conflict) Line(l Lang) string {
	kind := conflictKinds[c.Kind].In(l)
	if kind == "" {
		kind = c.Kind
	}
	if l == German {
		var how string
		switch {
		case c.Imported:
			how = "die importierte Fassung wurde übernommen (später geändert)"
		case c.SameTime:
			how = "die Fassung in der Datenbank bleibt (gleich alt)"
		default:
			how = "die Fassung in der Datenbank bleibt (später geändert)"
		}
		return fmt.Sprintf("%s „%s“ unterscheidet sich: %s", kind, c.Text, how)
	}
	var how string
	switch {
	case c.Imported:
		how = "took the imported version (changed later)"
	case c.SameTime:
		how = "kept the version in the database (same time)"
	default:
		how = "kept the version in the database (changed later)"
	}
	return fmt.Sprintf("%s %q differs: %s", kind, c.Text, how)
}

// Merge combines a stored workshop with an imported copy of it, as two
// laptops that ran the same workshop are brought together. Items are
// united by id. An item on both sides that differs is taken from the side
// with the later Updated time, the database's side on a tie, and noted as a
// conflict; equal items count as unchanged. Nothing is ever deleted, so
// merging the same copy twice changes nothing the second time. Open Space
// topics that the two sides put into the same cell are settled
// (SettleCells): one keeps the cell, the others go beside the grid, listed
// in the report's Moved.
//
// The workshop's metadata merges the same way, except its handle: a handle
// is the name typed on this machine, so the existing one is kept and
// handles are not compared.
//
// The result's items are in id order, which is creation order. Neither
// input is changed.
func Merge(existing, incoming Snapshot) (Snapshot, MergeReport) {
	var rep MergeReport
	out := Snapshot{Workshop: existing.Workshop}

	in := incoming.Workshop
	in.Handle = existing.Workshop.Handle
	if !sameJSON(normWorkshop(existing.Workshop), normWorkshop(in)) {
		c := Conflict{Kind: "workshop", ID: existing.Workshop.ID, Text: shortenConflict(existing.Workshop.Title)}
		if in.Updated.After(existing.Workshop.Updated) {
			out.Workshop = in
			c.Imported = true
		} else {
			c.SameTime = in.Updated.Equal(existing.Workshop.Updated)
		}
		rep.note(c)
	}

	out.Cards = mergeItems(existing.Cards, incoming.Cards, &rep, "card",
		func(c Card) (string, string, time.Time) { return c.ID, c.Text, c.Updated },
		func(c Card) Card { c.Created, c.Updated = c.Created.UTC(), c.Updated.UTC(); return c })
	out.Themes = mergeItems(existing.Themes, incoming.Themes, &rep, "theme",
		func(t Theme) (string, string, time.Time) { return t.ID, t.Title, t.Updated },
		func(t Theme) Theme { t.Created, t.Updated = t.Created.UTC(), t.Updated.UTC(); return t })
	out.Reversals = mergeItems(existing.Reversals, incoming.Reversals, &rep, "reversal",
		func(r Reversal) (string, string, time.Time) { return r.ID, r.Text, r.Updated },
		func(r Reversal) Reversal { r.Created, r.Updated = r.Created.UTC(), r.Updated.UTC(); return r })
	out.Measures = mergeItems(existing.Measures, incoming.Measures, &rep, "measure",
		func(m Measure) (string, string, time.Time) { return m.ID, m.What, m.Updated },
		func(m Measure) Measure { m.Created, m.Updated = m.Created.UTC(), m.Updated.UTC(); return m })
	if len(existing.Photos)+len(incoming.Photos) > 0 {
		out.Photos = mergeItems(existing.Photos, incoming.Photos, &rep, "photo",
			func(p Photo) (string, string, time.Time) { return p.ID, p.Name, p.Updated },
			func(p Photo) Photo { p.Created, p.Updated = p.Created.UTC(), p.Updated.UTC(); return p })
	}
	if len(existing.Ballots)+len(incoming.Ballots) > 0 {
		out.Ballots = mergeItems(existing.Ballots, incoming.Ballots, &rep, "ballot",
			func(b Ballot) (string, string, time.Time) { return b.ID, b.Phase, b.Updated },
			func(b Ballot) Ballot { b.Updated = b.Updated.UTC(); return b })
	}
	if len(existing.Resistances)+len(incoming.Resistances) > 0 {
		out.Resistances = mergeItems(existing.Resistances, incoming.Resistances, &rep, "resistance",
			func(r Resistance) (string, string, time.Time) { return r.ID, r.Voter, r.Updated },
			func(r Resistance) Resistance { r.Created, r.Updated = r.Created.UTC(), r.Updated.UTC(); return r })
	}
	if len(existing.Recommendations)+len(incoming.Recommendations) > 0 {
		out.Recommendations = mergeItems(existing.Recommendations, incoming.Recommendations, &rep, "recommendation",
			func(r Recommendation) (string, string, time.Time) { return r.ID, r.Text, r.Updated },
			func(r Recommendation) Recommendation {
				r.Created, r.Updated = r.Created.UTC(), r.Updated.UTC()
				return r
			})
	}
	out.PhotoFiles = mergeFiles(existing.PhotoFiles, incoming.PhotoFiles, out.Photos)
	// Two topics may now share a cell of the marketplace: one keeps it,
	// the other waits beside the grid, and the report says so.
	rep.Moved = out.SettleCells()
	return out, rep
}

// mergeFiles keeps the bytes of every merged photo. A photo's bytes never
// change after it was added (an edit changes its metadata only), so the
// side that has them gives them; the database's side first.
func mergeFiles(existing, incoming map[string][]byte, photos []Photo) map[string][]byte {
	if existing == nil && incoming == nil {
		return nil
	}
	out := make(map[string][]byte, len(photos))
	for _, p := range photos {
		if b, ok := existing[p.ID]; ok {
			out[p.ID] = b
		} else if b, ok := incoming[p.ID]; ok {
			out[p.ID] = b
		}
	}
	return out
}

// note adds a conflict to the report, as data and as an English line.
func (r *MergeReport) note(c Conflict) {
	r.Details = append(r.Details, c)
	r.Conflicts = append(r.Conflicts, c.Line(English))
}

// mergeItems unites two lists of one kind by id. info returns an item's
// id, its text for the report and its Updated time; norm returns the item
// with its times in UTC, so that the same instant written in two time zones
// compares equal.
func mergeItems[T any](existing, incoming []T, rep *MergeReport, kind string,
	info func(T) (id, text string, updated time.Time), norm func(T) T) []T {
	out := slices.Clone(existing)
	index := make(map[string]int, len(out))
	for i, it := range out {
		id, _, _ := info(it)
		index[id] = i
	}
	for _, it := range incoming {
		id, text, updated := info(it)
		i, ok := index[id]
		if !ok {
			index[id] = len(out)
			out = append(out, it)
			rep.Added++
			continue
		}
		old := out[i]
		if sameJSON(norm(old), norm(it)) {
			rep.Unchanged++
			continue
		}
		_, oldText, oldUpdated := info(old)
		c := Conflict{Kind: kind, ID: id, Text: shortenConflict(oldText)}
		if updated.After(oldUpdated) {
			out[i] = it
			c.Imported = true
			c.Text = shortenConflict(text)
			rep.Updated++
		} else {
			c.SameTime = updated.Equal(oldUpdated)
			rep.Unchanged++
		}
		rep.note(c)
	}
	slices.SortStableFunc(out, func(a, b T) int {
		ida, _, _ := info(a)
		idb, _, _ := info(b)
		return strings.Compare(ida, idb)
	})
	return out
}

// normWorkshop returns w with its times in UTC.
func normWorkshop(w Workshop) Workshop {
	w.Created, w.Updated = w.Created.UTC(), w.Updated.UTC()
	if len(w.Timers) > 0 {
		timers := make(map[string]Timer, len(w.Timers))
		for k, t := range w.Timers {
			if !t.Started.IsZero() {
				t.Started = t.Started.UTC()
			}
			timers[k] = t
		}
		w.Timers = timers
	}
	return w
}

// sameJSON compares two values by their JSON, which treats an empty list and
// a missing one alike, as the archive does.
func sameJSON(a, b any) bool {
	ja, errA := json.Marshal(a)
	jb, errB := json.Marshal(b)
	return errA == nil && errB == nil && string(ja) == string(jb)
}

// conflictTextLen is how many characters of an item's text a conflict line shows.
const conflictTextLen = 40

// shortenConflict returns the first line of s, cut to conflictTextLen characters with an
// ellipsis.
func shortenConflict(s string) string {
	s = strings.TrimSpace(s)
	cut := false
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		s, cut = strings.TrimSpace(s[:i]), true
	}
	if utf8.RuneCountInString(s) > conflictTextLen {
		r := []rune(s)
		s, cut = strings.TrimSpace(string(r[:conflictTextLen])), true
	}
	if cut {
		s += "…"
	}
	return s
}
