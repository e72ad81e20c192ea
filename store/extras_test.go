package store

import (
	"bytes"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"werkstatt/model"
)

// TestForumItemsRoundTrip: Konsensieren rows and recommendations are on
// disk after Apply, read back as written after a reopen, travel through
// the archive into another database, and a second import changes nothing.
func TestForumItemsRoundTrip(t *testing.T) {
	s := newStore(t)
	w := mustCreate(t, s, "Bürgerforum")
	now := time.Date(2026, 3, 14, 10, 0, 0, 0, time.UTC)
	c := card("Radweg")
	c.Round = 2
	res := model.Resistance{ID: model.NewID(now), Phase: "critique", Voter: "Tisch 1",
		Values: map[string]int{model.PassiveOption: 9, c.ID: 2}, Created: now, Updated: now}
	rec := model.Recommendation{ID: model.NewID(now), Phase: "implementation", Text: "Radweg bauen", Group: "Gruppe A",
		Rationale: "sicherer Schulweg", Yes: 18, No: 4, Abstain: 2, Points: 40, Minority: "Zu teuer", Created: now, Updated: now}
	if err := s.Apply(w.ID, model.Change{Cards: []model.Card{c}, Resistances: []model.Resistance{res}, Recommendations: []model.Recommendation{rec}}); err != nil {
		t.Fatal(err)
	}
	s = reopen(t, s)
	snap, err := s.Snapshot(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	if asJSON(t, snap.Resistances) != asJSON(t, []model.Resistance{res}) || asJSON(t, snap.Recommendations) != asJSON(t, []model.Recommendation{rec}) || snap.Cards[0].Round != 2 {
		t.Fatalf("read back: %+v %+v %+v", snap.Resistances, snap.Recommendations, snap.Cards)
	}
	var arch bytes.Buffer
	if err := model.WriteArchive(&arch, snap); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(arch.Bytes(), []byte(`"version": 5`)) {
		t.Errorf("archive of a workshop with recommendations is not version 5")
	}
	in, err := model.ReadArchive(bytes.NewReader(arch.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	dst := newStore(t)
	if rep, err := dst.Import(in); err != nil || rep.Added != 3 {
		t.Fatalf("import: %+v %v", rep, err)
	}
	got, err := dst.Snapshot(w.ID)
	if err != nil || asJSON(t, got.Recommendations) != asJSON(t, snap.Recommendations) || asJSON(t, got.Resistances) != asJSON(t, snap.Resistances) {
		t.Fatalf("imported: %+v %v", got, err)
	}
	if rep, err := dst.Import(in); err != nil || rep.Changed() {
		t.Errorf("second import: %+v %v", rep, err)
	}
	if err := s.Apply(w.ID, model.Change{DeleteResistances: []string{res.ID}, DeleteRecommendations: []string{rec.ID}}); err != nil {
		t.Fatal(err)
	}
	if snap, err = s.Snapshot(w.ID); err != nil || snap.Resistances != nil || snap.Recommendations != nil {
		t.Fatalf("after delete: %+v %v", snap, err)
	}
}

// TestNoForumBuckets: a workshop that never had a resistance or a
// recommendation has no bucket for them, as in a file written before
// they existed, and deleting one it does not have makes none.
func TestNoForumBuckets(t *testing.T) {
	s := newStore(t)
	w := mustCreate(t, s, "Ohne")
	if err := s.Apply(w.ID, model.Change{Cards: []model.Card{card("Zu wenig Bänke")}, DeleteResistances: []string{"X"}, DeleteRecommendations: []string{"Y"}}); err != nil {
		t.Fatal(err)
	}
	err := s.view(func(tx *bolt.Tx) error {
		ws := tx.Bucket(bucketW).Bucket([]byte(w.ID))
		if ws.Bucket(bucketResistances) != nil || ws.Bucket(bucketRecommendations) != nil {
			t.Error("buckets made without an item")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	snap, err := s.Snapshot(w.ID)
	if err != nil || snap.Resistances != nil || snap.Recommendations != nil {
		t.Fatalf("%+v %v", snap, err)
	}
	var arch bytes.Buffer
	if err := model.WriteArchive(&arch, snap); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(arch.Bytes(), []byte(`"version": 5`)) || bytes.Contains(arch.Bytes(), []byte("resistances")) {
		t.Errorf("archive without forum items uses version 5:\n%s", arch.Bytes()[:200])
	}
}
