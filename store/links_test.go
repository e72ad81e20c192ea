package store

import (
	"strings"
	"testing"

	"werkstatt/model/demo"
)

// TestImportChecksChainLinks: a statement that leads to a theme that is
// not there, or a measure that answers a statement that is not there, is
// refused and changes nothing; the demo's links survive the trip.
func TestImportChecksChainLinks(t *testing.T) {
	s := newStore(t)
	snap, err := demo.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	bad := snap
	bad.Reversals = append(bad.Reversals[:0:0], snap.Reversals...)
	bad.Reversals[0].Vision = "NOPE"
	if _, err := s.Import(bad); err == nil || !strings.Contains(err.Error(), "leads to vision NOPE") {
		t.Errorf("dangling vision link: %v", err)
	}
	bad = snap
	bad.Measures = append(bad.Measures[:0:0], snap.Measures...)
	bad.Measures[0].Reversal = "GONE"
	if _, err := s.Import(bad); err == nil || !strings.Contains(err.Error(), "answers reversal GONE") {
		t.Errorf("dangling reversal link: %v", err)
	}
	if list, err := s.Workshops(); err != nil || len(list) != 0 {
		t.Fatalf("a refused import left %d workshops (%v)", len(list), err)
	}
	good := snap
	good.Measures = append(good.Measures[:0:0], snap.Measures...)
	good.Measures[0].Reversal = snap.Reversals[0].ID
	if _, err := s.Import(good); err != nil {
		t.Fatal(err)
	}
	back, err := s.Snapshot(snap.Workshop.ID)
	if err != nil {
		t.Fatal(err)
	}
	if back.Reversals[0].Vision == "" || back.Measures[0].Reversal != snap.Reversals[0].ID {
		t.Errorf("the links were lost: %+v %+v", back.Reversals[0], back.Measures[0])
	}
}
