package model

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"
)

// A World Café's tables and rounds, beyond what every method has:
//   - each table has a host (Workshop.Tables): the table is the cards'
//     group, its host is kept once per table and shown beside its name on
//     the board and in the record;
//   - a phase whose rounds each ask their own question (Phase.PerRound)
//     has a timebox per round: the phase's timebox, or the workshop's own
//     for that round (Workshop.RoundTimeboxes);
//   - a phase that clusters can bring in the cards of the earlier phases
//     with rounds (Harvest): copies, so the rounds keep what each table
//     found and the harvest clusters all of it without retyping.

// CafeTable is one table of a World Café with its host.
type CafeTable struct {
	Name string `json:"name"`
	Host string `json:"host,omitempty"`
}

// MaxTables is the most tables a workshop names.
const MaxTables = 100

// maxTableText is the longest table name or host (as a card's group).
const maxTableText = 200

// PerRound reports whether each round of the phase asks its own question,
// so its timebox is one round's (a World Café's rounds).
func (p Phase) PerRound() bool { return p.Rounds > 1 && len(p.RoundQuestions) > 0 }

// RoundTimebox is round n's (from 1) timebox as the method gives it: the
// round's own (Phase.RoundTimeboxes) in a phase whose rounds each have
// one, else the phase's timebox.
func (p Phase) RoundTimebox(n int) time.Duration {
	if p.PerRound() && n >= 1 && n <= len(p.RoundTimeboxes) && p.RoundTimeboxes[n-1] > 0 {
		return p.RoundTimeboxes[n-1]
	}
	return p.Timebox
}

// Planned is how long the phase runs as the method plans it: its
// timebox, or, where each round has its own timebox (PerRound: a World
// Café), the rounds' timeboxes added up, since the countdown runs once
// per round.
func (p Phase) Planned() time.Duration {
	if !p.PerRound() {
		return p.Timebox
	}
	var d time.Duration
	for n := 1; n <= p.Rounds; n++ {
		d += p.RoundTimebox(n)
	}
	return d
}

// HostOf is the host of the table named table, "" when none is given.
func (w Workshop) HostOf(table string) string {
	for _, t := range w.Tables {
		if t.Name == table {
			return t.Host
		}
	}
	return ""
}

// TimeboxForRound is the timebox of round n (from 1) of a phase whose
// rounds each have their own: the workshop's own for that round, else the
// round's default (RoundDefault). For any other phase it is the phase's
// timebox.
func (w Workshop) TimeboxForRound(phase string, n int) time.Duration {
	if p, _, ok := w.MethodOf().Phase(phase); ok {
		phase = p.ID
		if boxes := w.RoundTimeboxes[phase]; p.PerRound() && n >= 1 && n <= len(boxes) && boxes[n-1] > 0 {
			return boxes[n-1]
		}
	}
	return w.RoundDefault(phase, n)
}

// RoundDefault is round n's timebox when the workshop sets none of its
// own: the method's for that round (Phase.RoundTimeboxes), else the
// phase's timebox.
func (w Workshop) RoundDefault(phase string, n int) time.Duration {
	if p, _, ok := w.MethodOf().Phase(phase); ok {
		phase = p.ID
		if p.PerRound() && n >= 1 && n <= len(p.RoundTimeboxes) && p.RoundTimeboxes[n-1] > 0 {
			return p.RoundTimeboxes[n-1]
		}
	}
	return w.TimeboxFor(phase)
}

// SetRoundTimebox gives round n of a phase its own timebox; 0 (or the
// round's default) goes back to the default.
func (w *Workshop) SetRoundTimebox(phase string, n int, d time.Duration) {
	p, _, ok := w.MethodOf().Phase(phase)
	if !ok || !p.PerRound() || n < 1 || n > p.Rounds {
		return
	}
	if d == w.RoundDefault(p.ID, n) {
		d = 0
	}
	boxes := maps.Clone(w.RoundTimeboxes)
	if boxes == nil {
		boxes = map[string][]time.Duration{}
	}
	list := slices.Clone(boxes[p.ID])
	for len(list) < n {
		list = append(list, 0)
	}
	list[n-1] = d
	for len(list) > 0 && list[len(list)-1] == 0 {
		list = list[:len(list)-1]
	}
	if len(list) == 0 {
		delete(boxes, p.ID)
	} else {
		boxes[p.ID] = list
	}
	if len(boxes) == 0 {
		boxes = nil
	}
	w.RoundTimeboxes = boxes
}

// checkCafe checks the tables and the rounds' timeboxes: a table has a
// name of one line, given once; a round's timebox is 0 (the phase's) or
// within the timebox bounds, for a round the phase has. old's values
// stay allowed, as for every bound.
func (w *Workshop) checkCafe(m Method, old *Workshop) error {
	if len(w.Tables) > MaxTables {
		return fmt.Errorf("tables: %d tables, at most %d", len(w.Tables), MaxTables)
	}
	seen := map[string]bool{}
	for _, t := range w.Tables {
		switch {
		case strings.TrimSpace(t.Name) == "" || t.Name != OneLine(t.Name):
			return fmt.Errorf("tables: a table needs a name of one line, not %q", oneLineQ(t.Name))
		case len(t.Name) > maxTableText || len(t.Host) > maxTableText:
			return fmt.Errorf("tables: %q: name or host longer than %d bytes", oneLineQ(t.Name), maxTableText)
		case t.Host != OneLine(t.Host):
			return fmt.Errorf("tables: the host of %q is more than one line", oneLineQ(t.Name))
		case seen[t.Name]:
			return fmt.Errorf("tables: table %q is given twice", oneLineQ(t.Name))
		}
		seen[t.Name] = true
	}
	boxes := map[string][]time.Duration{}
	for _, k := range slices.Sorted(maps.Keys(w.RoundTimeboxes)) {
		p, _, ok := m.Phase(k)
		switch {
		case !ok:
			return fmt.Errorf("round_timeboxes: phase %q is not a phase of %s (%s)", oneLineQ(k), m.ID, strings.Join(m.PhaseIDs(), ", "))
		case !p.PerRound():
			return fmt.Errorf("round_timeboxes: phase %s has no rounds with their own question", p.ID)
		case len(w.RoundTimeboxes[k]) > p.Rounds:
			return fmt.Errorf("round_timeboxes: %d timeboxes for the %d rounds of %s", len(w.RoundTimeboxes[k]), p.Rounds, p.ID)
		case boxes[p.ID] != nil:
			return fmt.Errorf("round_timeboxes: phase %s is given twice", p.ID)
		}
		for i, d := range w.RoundTimeboxes[k] {
			if d == 0 || d >= MinTimebox && d <= MaxTimebox {
				continue
			}
			if old != nil && i < len(old.RoundTimeboxes[k]) && old.RoundTimeboxes[k][i] == d {
				continue
			}
			return &LimitError{Field: "timebox", Phase: p.ID, Value: int64(d / time.Minute),
				Min: int64(MinTimebox / time.Minute), Max: int64(MaxTimebox / time.Minute)}
		}
		boxes[p.ID] = w.RoundTimeboxes[k]
	}
	if len(boxes) > 0 {
		w.RoundTimeboxes = boxes
	}
	return nil
}

// HarvestSources are the phases before phase that have rounds: the ones
// whose cards a harvest brings in. None when phase does not cluster.
func (m Method) HarvestSources(phase string) []string {
	p, i, ok := m.Phase(phase)
	if !ok || !p.Steps.Has(StepCluster) {
		return nil
	}
	var out []string
	for _, q := range m.Phases[:i] {
		if q.Rounds > 0 {
			out = append(out, q.ID)
		}
	}
	return out
}

// Harvest is the copies of the cards of the earlier phases with rounds
// that phase has no copy of yet: new cards of phase, each with its
// table, author, age group and round and From naming the card it copies,
// after the phase's unthemed cards (their Order from order on), in the
// order the rounds wrote them. The rounds keep their cards.
func Harvest(s Snapshot, phase string, order int, now time.Time) []Card {
	m := s.Workshop.MethodOf()
	src := m.HarvestSources(phase)
	if len(src) == 0 {
		return nil
	}
	p, _, _ := m.Phase(phase)
	have := map[string]bool{}
	for _, c := range s.Cards {
		if c.Phase == p.ID && c.From != "" {
			have[c.From] = true
		}
	}
	var out []Card
	for _, id := range src {
		var cards []Card
		for _, c := range s.Cards {
			if c.Phase == id && !have[c.ID] {
				cards = append(cards, c)
			}
		}
		slices.SortStableFunc(cards, func(a, b Card) int {
			return cmp.Or(cmpRound(a.Round, b.Round), a.Created.Compare(b.Created), strings.Compare(a.ID, b.ID))
		})
		for _, c := range cards {
			order++
			out = append(out, Card{
				ID: NewID(now), Phase: p.ID, Text: c.Text, Author: c.Author, Group: c.Group,
				AgeGroup: c.AgeGroup, Round: c.Round, From: c.ID, Order: order, Created: now, Updated: now,
			})
		}
	}
	return out
}

// cmpRound orders rounds 1, 2, … with the cards without a round last.
func cmpRound(a, b int) int {
	switch {
	case a == b:
		return 0
	case a == 0:
		return 1
	case b == 0:
		return -1
	case a < b:
		return -1
	}
	return 1
}

// usesCafe reports whether s holds tables, rounds' timeboxes or a
// harvest's copies: archive version 8.
func usesCafe(s Snapshot) bool {
	if len(s.Workshop.Tables) > 0 || len(s.Workshop.RoundTimeboxes) > 0 {
		return true
	}
	if slices.ContainsFunc(s.Ballots, func(b Ballot) bool { return len(b.Votes) > 0 }) {
		return true // a phone's votes on recommendations (forum_phones.go)
	}
	return slices.ContainsFunc(s.Cards, func(c Card) bool { return c.From != "" })
}
