package store

import (
	"os"
	"testing"

	"werkstatt/model"
	"werkstatt/model/demo"
)

// TestRescueForumItems: a rescue copies the Konsensieren rows and the
// recommendations with the rest of the workshop, and counts the
// recommendations in its report as it counts cards.
func TestRescueForumItems(t *testing.T) {
	s := newStore(t)
	for _, method := range []string{model.MethodKonsensieren, model.MethodBuergerforum} {
		d, _ := demo.ForMethod(method)
		snap, err := d.Snapshot()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Import(snap); err != nil {
			t.Fatal(err)
		}
	}
	want := map[string]model.Snapshot{}
	for _, id := range []string{demo.WiesentalID, demo.BachingenID} {
		snap, err := s.SnapshotWithPhotos(id)
		if err != nil {
			t.Fatal(err)
		}
		want[id] = snap
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	rep, got := rescueFile(t, data)
	if !rep.Complete() {
		t.Errorf("report %+v", rep)
	}
	for _, rw := range rep.Workshops {
		if n := len(want[rw.ID].Recommendations); rw.Copied.Recommendations != n || (rw.ID == demo.BachingenID && n == 0) {
			t.Errorf("workshop %s: %d recommendations counted as copied, want %d", rw.ID, rw.Copied.Recommendations, n)
		}
	}
	for id, w := range want {
		if len(w.Resistances)+len(w.Recommendations) == 0 {
			t.Fatalf("demo %s has neither rows nor recommendations", id)
		}
		if asJSON(t, got[id]) != asJSON(t, w) {
			t.Errorf("workshop %s was not copied as it was: %d rows, %d recommendations", id, len(got[id].Resistances), len(got[id].Recommendations))
		}
	}
}
