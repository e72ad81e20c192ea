package model

import (
	"reflect"
	"testing"
	"time"
)

func TestSnapshotApplyAndInverse(t *testing.T) {
	base := func() Snapshot {
		return Snapshot{
			Workshop: Workshop{ID: "w", Title: "Alt"},
			Cards:    []Card{{ID: "a", Text: "eins"}, {ID: "b", Text: "zwei"}},
			Themes:   []Theme{{ID: "t", Title: "Thema"}},
		}
	}
	tests := []struct {
		name string
		ch   Change
		want func(s Snapshot) bool
	}{
		{"put new card", Change{Cards: []Card{{ID: "c", Text: "drei"}}},
			func(s Snapshot) bool { return len(s.Cards) == 3 && s.Cards[2].Text == "drei" }},
		{"replace card", Change{Cards: []Card{{ID: "a", Text: "EINS"}}},
			func(s Snapshot) bool { return len(s.Cards) == 2 && s.Cards[0].Text == "EINS" }},
		{"delete card", Change{DeleteCards: []string{"a"}},
			func(s Snapshot) bool { return len(s.Cards) == 1 && s.Cards[0].ID == "b" }},
		{"delete unknown", Change{DeleteCards: []string{"zz"}},
			func(s Snapshot) bool { return len(s.Cards) == 2 }},
		{"merge themes", Change{Cards: []Card{{ID: "a", Text: "eins", Theme: "t"}}, DeleteThemes: []string{"t"}},
			func(s Snapshot) bool { return len(s.Themes) == 0 && s.Cards[0].Theme == "t" }},
		{"workshop", Change{Workshop: &Workshop{ID: "w", Title: "Neu"}},
			func(s Snapshot) bool { return s.Workshop.Title == "Neu" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := base()
			inv := s.Apply(tt.ch)
			if !tt.want(s) {
				t.Fatalf("after apply: %+v", s)
			}
			s.Apply(inv)
			// Undo restores the items; order may differ for re-added ones.
			want := base()
			if !sameByID(s.Cards, want.Cards) || !reflect.DeepEqual(s.Workshop, want.Workshop) || len(s.Themes) != len(want.Themes) {
				t.Fatalf("inverse did not restore: got %+v want %+v", s, want)
			}
		})
	}
}

func sameByID(a, b []Card) bool {
	if len(a) != len(b) {
		return false
	}
	m := map[string]Card{}
	for _, c := range a {
		m[c.ID] = c
	}
	for _, c := range b {
		if m[c.ID] != c {
			return false
		}
	}
	return true
}

func TestSnapshotUndoKeepsOrder(t *testing.T) {
	s := Snapshot{Cards: []Card{{ID: "A"}, {ID: "B"}, {ID: "C"}}}
	inv := s.Apply(Change{DeleteCards: []string{"B"}})
	s.Apply(inv)
	var ids []string
	for _, c := range s.Cards {
		ids = append(ids, c.ID)
	}
	if !reflect.DeepEqual(ids, []string{"A", "B", "C"}) {
		t.Fatalf("order after undo: %v", ids)
	}
}

// TestSnapshotClone: a clone and its original change apart: Apply on one
// (replacing an item in place, inserting, deleting) and writes into the
// workshop's maps and lists leave the other as it was.
func TestSnapshotClone(t *testing.T) {
	orig := Snapshot{
		Workshop: Workshop{ID: "w", Title: "Alt", Facilitators: []string{"Anna"},
			Questions: map[string]string{"vision": "Wie?"}, Timers: map[string]Timer{"critique": {Total: 5}},
			Agenda: []AgendaItem{{ID: "a1", Title: "Ankommen"}}, Attendance: []GroupCount{{Group: "Tisch 1", Count: 4}},
			Names: []string{"Carla"}, Timeboxes: map[string]time.Duration{"critique": time.Hour}},
		Cards:     []Card{{ID: "a", Text: "eins"}, {ID: "c", Text: "drei"}},
		Themes:    []Theme{{ID: "t", Title: "Thema"}},
		Reversals: []Reversal{{ID: "r", Text: "positiv"}},
		Measures:  []Measure{{ID: "m", What: "tun"}},
	}
	keep := orig.Clone()
	c := orig.Clone()
	if !reflect.DeepEqual(c, orig) {
		t.Fatalf("clone differs: %+v", c)
	}
	c.Apply(Change{
		Cards:     []Card{{ID: "a", Text: "EINS"}, {ID: "b", Text: "zwei"}},
		Themes:    []Theme{{ID: "t", Title: "THEMA"}},
		Reversals: []Reversal{{ID: "r", Text: "POSITIV"}},
		Measures:  []Measure{{ID: "m", What: "TUN"}},
	})
	c.Workshop.Facilitators[0] = "Berta"
	c.Workshop.Questions["vision"] = "Was?"
	c.Workshop.Timers["critique"] = Timer{Total: 9}
	c.Workshop.Agenda[0].Title = "Weg"
	c.Workshop.Attendance[0].Count = 9
	c.Workshop.Names[0] = "Dora"
	c.Workshop.Timeboxes["critique"] = time.Minute
	if !reflect.DeepEqual(orig, keep) {
		t.Errorf("changing the clone changed the original:\n%+v\nwant\n%+v", orig, keep)
	}
	c2 := orig.Clone()
	orig.Apply(Change{Cards: []Card{{ID: "c", Text: "DREI"}}, DeleteCards: []string{"a"}})
	if !reflect.DeepEqual(c2, keep) {
		t.Errorf("changing the original changed the clone:\n%+v\nwant\n%+v", c2, keep)
	}
}
