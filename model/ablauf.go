package model

import (
	"time"
)

// AblaufRow is one line of the record's Ablauf: an agenda item as planned
// and, for a phase, as it ran.
type AblaufRow struct {
	Label   string // the item's name in the record's language
	Kind    AgendaKind
	Phase   string // the phase id of a phase item
	Planned bool   // the item comes from the agenda (else only the actual times are known)
	Start   TimeOfDay
	End     TimeOfDay
	// ActualStart and ActualEnd are the first and last contribution of the
	// phase (cards, themes, statements, measures), zero when it has none.
	ActualStart, ActualEnd time.Time
	// TimerMinutes is how long the phase's countdown ran, 0 when it did not.
	TimerMinutes int
}

// HasActual reports whether the row knows when the phase ran.
func (r AblaufRow) HasActual() bool { return !r.ActualStart.IsZero() }

// Ablauf is the record's planned-versus-actual table: one row per agenda
// item, the phases with the times their contributions were made and their
// countdowns ran. Without an agenda it has one row per phase that holds
// contributions. Times are in the zone the contributions carry.
func Ablauf(s Snapshot, l Lang) []AblaufRow {
	m := s.Workshop.MethodOf()
	first, last := phaseTimes(s, m)
	actual := func(r *AblaufRow) {
		if r.Kind != AgendaPhase {
			return
		}
		r.ActualStart, r.ActualEnd = first[r.Phase], last[r.Phase]
		if t, ok := s.Workshop.Timers[r.Phase]; ok && t.Elapsed > 0 {
			r.TimerMinutes = int((t.Elapsed + 30*time.Second) / time.Minute)
		}
	}
	var rows []AblaufRow
	if len(s.Workshop.Agenda) == 0 {
		for _, p := range m.Phases {
			r := AblaufRow{Label: p.Name.In(l), Kind: AgendaPhase, Phase: p.ID}
			actual(&r)
			if r.HasActual() || r.TimerMinutes > 0 {
				rows = append(rows, r)
			}
		}
		return rows
	}
	for _, it := range s.Workshop.Agenda {
		r := AblaufRow{Label: it.Label(m, l), Kind: it.Kind, Phase: it.Phase, Planned: true, Start: it.Start, End: it.End()}
		actual(&r)
		rows = append(rows, r)
	}
	return rows
}

// phaseTimes finds per phase id the first and last Created time of what
// the phase produced.
func phaseTimes(s Snapshot, m Method) (first, last map[string]time.Time) {
	first, last = map[string]time.Time{}, map[string]time.Time{}
	note := func(phase string, t time.Time) {
		if phase == "" || t.IsZero() {
			return
		}
		if f, ok := first[phase]; !ok || t.Before(f) {
			first[phase] = t
		}
		if e, ok := last[phase]; !ok || t.After(e) {
			last[phase] = t
		}
	}
	for _, c := range s.Cards {
		note(c.Phase, c.Created)
	}
	for _, t := range s.Themes {
		note(t.Phase, t.Created)
	}
	var reverse, plan string
	for _, p := range m.Phases {
		if p.Steps.Has(StepReverse) && reverse == "" {
			reverse = p.ID
		}
		if p.Steps.Has(StepPlan) {
			plan = p.ID
		}
	}
	for _, r := range s.Reversals {
		note(reverse, r.Created)
	}
	for _, ms := range s.Measures {
		note(plan, ms.Created)
	}
	return first, last
}
