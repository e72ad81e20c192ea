package model

import (
	"strings"
	"testing"
	"time"
)

// TestSnapshotCheckImport: the rules store.Import applies before it
// touches the database are the model's: ids present, not too long and
// distinct, phases of the workshop's method, and references to themes
// and statements that exist.
func TestSnapshotCheckImport(t *testing.T) {
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	base := func() Snapshot {
		return Snapshot{
			Workshop: Workshop{ID: "W1", Title: "Treff", Method: MethodZukunftswerkstatt, Participants: 10, Dots: 3, Created: at, Updated: at},
			Themes:   []Theme{{ID: "T1", Phase: "critique", Title: "Verkehr", Created: at, Updated: at}},
			Cards:    []Card{{ID: "C1", Phase: "critique", Theme: "T1", Text: "Bus", Created: at, Updated: at}},
		}
	}
	if s := base(); s.CheckImport() != nil || s.CheckRefs() != nil {
		t.Fatalf("a sound snapshot is refused: %v / %v", s.CheckImport(), s.CheckRefs())
	}
	for _, tc := range []struct {
		name   string
		change func(*Snapshot)
		refs   bool // the fault is a reference (CheckRefs), else CheckImport's
		want   string
	}{
		{"no workshop id", func(s *Snapshot) { s.Workshop.ID = " " }, false, "has no id"},
		{"long id", func(s *Snapshot) { s.Cards[0].ID = strings.Repeat("x", MaxItemID+1) }, false, "longer than 64 bytes"},
		{"twice", func(s *Snapshot) { s.Cards = append(s.Cards, s.Cards[0]) }, false, "two cards have the id C1"},
		{"phase", func(s *Snapshot) { s.Cards[0].Phase = "dreams" }, false, `phase "dreams" is not a phase of zukunftswerkstatt`},
		{"theme", func(s *Snapshot) { s.Cards[0].Theme = "T9" }, true, "card C1 lies in theme T9, which is missing"},
		{"statement", func(s *Snapshot) {
			s.Measures = []Measure{{ID: "M1", Reversal: "R9", What: "Bus", Created: at, Updated: at}}
		}, true, "measure M1 answers reversal R9, which is missing"},
	} {
		s := base()
		tc.change(&s)
		err := s.CheckImport()
		if tc.refs {
			err = s.CheckRefs()
		}
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want %q", tc.name, err, tc.want)
		}
	}
}
