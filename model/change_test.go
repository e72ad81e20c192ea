package model

import (
	"testing"
	"time"
)

// TestChangeStamped: every item a change puts carries the new time, and
// the change it was made from keeps its own.
func TestChangeStamped(t *testing.T) {
	old := time.Date(2026, 3, 14, 10, 0, 0, 0, time.UTC)
	now := old.Add(time.Hour)
	w := Workshop{ID: "W", Updated: old}
	ch := Change{
		Workshop:  &w,
		Cards:     []Card{{ID: "c", Updated: old}},
		Themes:    []Theme{{ID: "t", Updated: old}},
		Reversals: []Reversal{{ID: "r", Updated: old}},
		Measures:  []Measure{{ID: "m", Updated: old}},
		Photos:    []Photo{{ID: "p", Updated: old}},

		DeleteCards: []string{"gone"},
	}
	s := ch.Stamped(now)
	for what, at := range map[string]time.Time{"workshop": s.Workshop.Updated, "card": s.Cards[0].Updated,
		"theme": s.Themes[0].Updated, "statement": s.Reversals[0].Updated, "measure": s.Measures[0].Updated,
		"photo": s.Photos[0].Updated} {
		if !at.Equal(now) {
			t.Errorf("stamped %s: Updated %v, want %v", what, at, now)
		}
	}
	if len(s.DeleteCards) != 1 {
		t.Errorf("the deletions went: %v", s.DeleteCards)
	}
	for what, at := range map[string]time.Time{"workshop": w.Updated, "card": ch.Cards[0].Updated,
		"theme": ch.Themes[0].Updated, "statement": ch.Reversals[0].Updated, "measure": ch.Measures[0].Updated,
		"photo": ch.Photos[0].Updated} {
		if !at.Equal(old) {
			t.Errorf("the original %s changed: Updated %v", what, at)
		}
	}
}
