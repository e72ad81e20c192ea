package model

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Archive version 5 added the rows of Konsensieren votes (resistances), a
// Bürgerforum's recommendations and the round of a card; an archive uses
// it only when it holds one of them.

// usesForum reports whether s holds anything archive version 5 added.
func usesForum(s Snapshot) bool {
	if len(s.Resistances) > 0 || len(s.Recommendations) > 0 {
		return true
	}
	for _, c := range s.Cards {
		if c.Round != 0 {
			return true
		}
	}
	return false
}

// MaxRound is the highest round of group work a card can carry.
const MaxRound = 100

// validateForum checks what archive version 5 added and makes its phase
// ids canonical.
func validateForum(s *Snapshot) error {
	m := s.Workshop.MethodOf()
	phase := func(what, p string) (string, error) {
		ph, _, ok := m.Phase(p)
		if !ok {
			return "", fmt.Errorf("%s: phase %q is not a phase of %s (%s)", what, oneLineQ(p), m.ID, strings.Join(m.PhaseIDs(), ", "))
		}
		return ph.ID, nil
	}
	for _, c := range s.Cards {
		if c.Round < 0 || c.Round > MaxRound {
			return &LimitError{Field: "card " + c.ID + " round", Value: int64(c.Round), Max: MaxRound}
		}
	}
	if _, err := uniqueIDs("resistance", s.Resistances, func(r Resistance) string { return r.ID }); err != nil {
		return err
	}
	var err error
	for i := range s.Resistances {
		r := &s.Resistances[i]
		if r.Phase, err = phase("resistance "+r.ID, r.Phase); err != nil {
			return err
		}
		for _, k := range slices.Sorted(maps.Keys(r.Values)) {
			if k != PassiveOption {
				if err := checkID("option", 0, k); err != nil {
					return fmt.Errorf("resistance %s: option %q is not an id", r.ID, oneLineQ(k))
				}
			}
			if v := r.Values[k]; v < 0 || v > MaxResistance {
				return fmt.Errorf("resistance %s: %d for %s is not 0 to %d", r.ID, v, k, MaxResistance)
			}
		}
	}
	if _, err := uniqueIDs("recommendation", s.Recommendations, func(r Recommendation) string { return r.ID }); err != nil {
		return err
	}
	for i := range s.Recommendations {
		r := &s.Recommendations[i]
		if r.Phase, err = phase("recommendation "+r.ID, r.Phase); err != nil {
			return err
		}
		for _, n := range []struct {
			what string
			v    int
		}{{"yes", r.Yes}, {"no", r.No}, {"abstain", r.Abstain}, {"points", r.Points}} {
			if n.v < 0 || n.v > MaxBudget {
				return &LimitError{Field: "recommendation " + r.ID + " " + n.what, Value: int64(n.v), Max: MaxBudget}
			}
		}
	}
	return nil
}
