package store

import (
	"strings"
	"testing"

	"werkstatt/model"
)

// TestSessionsRoundTrip: an Open Space's rooms and slots and a topic's
// place and report are on disk after a reopen; a room without a name is
// refused and nothing of the change is written.
func TestSessionsRoundTrip(t *testing.T) {
	s := newStore(t)
	w := workshop("Open Space Altenbrück")
	w.Method = model.MethodOpenSpace
	if err := s.CreateWorkshop(&w); err != nil {
		t.Fatal(err)
	}
	w.Rooms = []string{"Pfarrsaal", "Kaminzimmer"}
	th := model.Theme{ID: model.NewID(at(14, 10, 0)), Phase: "marketplace", Title: "Dorfladen", Created: at(14, 10, 0), Updated: at(14, 10, 0),
		Session: model.Session{Convener: "Monika", Room: 2, Slot: 3, Who: "14", Results: "Bedarf\nist da", Next: "Infoabend"}}
	if err := s.Apply(w.ID, model.Change{Workshop: &w, Themes: []model.Theme{th}}); err != nil {
		t.Fatal(err)
	}
	bad := w
	bad.Rooms = []string{"Pfarrsaal", " "}
	th2 := th
	th2.Title = "geändert"
	if err := s.Apply(w.ID, model.Change{Workshop: &bad, Themes: []model.Theme{th2}}); err == nil {
		t.Error("a room without a name was stored")
	}
	s = reopen(t, s)
	got, err := s.Snapshot(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got.Workshop.Rooms, ",") != "Pfarrsaal,Kaminzimmer" || len(got.Themes) != 1 || got.Themes[0].Session != th.Session || got.Themes[0].Title != "Dorfladen" {
		t.Errorf("read back %s", asJSON(t, got))
	}
}
