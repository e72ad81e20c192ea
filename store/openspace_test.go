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

// TestSnapshotSettlesCells: two topics stored in one cell (two sessions of
// the hall placed them at once, or an older werkstatt's import merged
// them) read back as one in the cell and the other beside the grid, by the
// rule of model.SettleCells; the file is not changed by reading it, and
// the workshop's archive reads back (one topic per cell).
func TestSnapshotSettlesCells(t *testing.T) {
	s := newStore(t)
	w := workshop("Open Space Au")
	w.Method = model.MethodOpenSpace
	if err := s.CreateWorkshop(&w); err != nil {
		t.Fatal(err)
	}
	early := model.Theme{ID: model.NewID(at(14, 10, 0)), Phase: "marketplace", Title: "Dorfladen", Created: at(14, 10, 0), Updated: at(14, 10, 0),
		Session: model.Session{Convener: "Monika", Room: 1, Slot: 1}}
	late := model.Theme{ID: model.NewID(at(14, 10, 1)), Phase: "marketplace", Title: "Bürgerbus", Created: at(14, 10, 1), Updated: at(14, 10, 5),
		Session: model.Session{Convener: "Jonas", Room: 1, Slot: 1}}
	if err := s.Apply(w.ID, model.Change{Themes: []model.Theme{early}}); err != nil {
		t.Fatal(err)
	}
	if err := s.Apply(w.ID, model.Change{Themes: []model.Theme{late}}); err != nil {
		t.Fatal(err)
	}
	before := sum(t, s.Path())
	s = reopen(t, s)
	got, err := s.Snapshot(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	places := map[string][2]int{}
	for _, th := range got.Themes {
		places[th.Title] = [2]int{th.Session.Room, th.Session.Slot}
	}
	if places["Bürgerbus"] != [2]int{1, 1} || places["Dorfladen"] != [2]int{0, 0} {
		t.Errorf("read back %v, want Bürgerbus (placed later) in the cell and Dorfladen beside the grid", places)
	}
	var b strings.Builder
	if err := model.WriteArchive(&b, got); err != nil {
		t.Fatal(err)
	}
	if _, err := model.ReadArchive(strings.NewReader(b.String())); err != nil {
		t.Errorf("the archive is refused: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if sum(t, s.Path()) != before {
		t.Error("reading the workshop changed the file")
	}
}
