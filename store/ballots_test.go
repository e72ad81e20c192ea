package store

import (
	"strings"
	"testing"
	"time"

	"werkstatt/model"
)

// TestBallotsStored: a phone's ballot and card are on disk after Apply,
// read back after a reopen, are replaced and deleted by id, and go
// through export and import; a workshop without ballots has no bucket.
func TestBallotsStored(t *testing.T) {
	s := newStore(t)
	w := model.Workshop{Title: "Handys"}
	if err := s.CreateWorkshop(&w); err != nil {
		t.Fatal(err)
	}
	snap, err := s.Snapshot(w.ID)
	if err != nil || snap.Ballots != nil {
		t.Fatalf("a new workshop has ballots: %+v %v", snap.Ballots, err)
	}
	dev := strings.Repeat("C", 20)
	now := time.Now().UTC().Truncate(time.Millisecond)
	b := model.Ballot{ID: model.BallotID("critique", dev), Device: dev, Phase: "critique", Dots: map[string]int{"T": 2}, Updated: now}
	card := model.Card{ID: model.NewID(now), Phase: "critique", Text: "vom Handy", Group: "Handy", Device: dev, Hidden: true}
	w.Phones = model.Phones{Vote: "critique", Wall: true}
	if err := s.Apply(w.ID, model.Change{Workshop: &w, Ballots: []model.Ballot{b}, Cards: []model.Card{card}}); err != nil {
		t.Fatal(err)
	}
	s = reopen(t, s)
	snap, err = s.Snapshot(w.ID)
	if err != nil || len(snap.Ballots) != 1 || snap.Ballots[0].Dots["T"] != 2 || snap.Cards[0].Device != dev ||
		!snap.Cards[0].Hidden || snap.Workshop.Phones.Vote != "critique" {
		t.Fatalf("read back: %+v %+v %+v %v", snap.Ballots, snap.Cards, snap.Workshop.Phones, err)
	}
	b.Dots = map[string]int{"T": 1}
	if err := s.Apply(w.ID, model.Change{Ballots: []model.Ballot{b}}); err != nil {
		t.Fatal(err)
	}
	if snap, _ = s.Snapshot(w.ID); len(snap.Ballots) != 1 || snap.Ballots[0].Dots["T"] != 1 {
		t.Errorf("replaced ballot: %+v", snap.Ballots)
	}
	// Into a second database through import, then deleted.
	other := newStore(t)
	if _, err := other.Import(snap); err != nil {
		t.Fatal(err)
	}
	if got, _ := other.Snapshot(w.ID); len(got.Ballots) != 1 || got.Ballots[0].ID != b.ID {
		t.Errorf("imported ballots: %+v", got.Ballots)
	}
	if err := s.Apply(w.ID, model.Change{DeleteBallots: []string{b.ID}}); err != nil {
		t.Fatal(err)
	}
	if snap, _ = s.Snapshot(w.ID); snap.Ballots != nil {
		t.Errorf("deleted ballot still there: %+v", snap.Ballots)
	}
}
