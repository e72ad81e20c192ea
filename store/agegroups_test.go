package store

import (
	"bytes"
	"testing"

	bolt "go.etcd.io/bbolt"

	"werkstatt/model"
)

// TestAgeGroupsRoundTrip: a Generationenwerkstatt's age groups, a card's
// group, the dots per group and a tandem are on disk after a reopen.
func TestAgeGroupsRoundTrip(t *testing.T) {
	s := newStore(t)
	w := workshop("Jung und Alt in Lindenau")
	w.Method = model.MethodGenerationen
	if err := s.CreateWorkshop(&w); err != nil {
		t.Fatal(err)
	}
	w.AgeGroups = []model.AgeGroup{{ID: "young", Name: "Jugend", Min: 14, Max: 25}, {ID: "middle", Name: "Mitte"}, {ID: "old", Name: "Ältere", Min: 60}}
	c := card("Kein Treffpunkt für uns")
	c.Phase, c.AgeGroup = "generations", "young"
	th := model.Theme{ID: model.NewID(at(14, 10, 0)), Phase: "generations", Title: "Treffpunkt", Created: at(14, 10, 0), Updated: at(14, 10, 0)}
	th.SetGroupDots("young", 7)
	th.SetGroupDots("old", 4)
	m := model.Measure{ID: model.NewID(at(14, 11, 0)), What: "Mitfahrbank", Tandem: map[string]string{"young": "Lena", "old": "Herbert"},
		Created: at(14, 11, 0), Updated: at(14, 11, 0)}
	ch := model.Change{Workshop: &w, Cards: []model.Card{c}, Themes: []model.Theme{th}, Measures: []model.Measure{m}}
	if err := s.Apply(w.ID, ch); err != nil {
		t.Fatal(err)
	}
	s = reopen(t, s)
	got, err := s.Snapshot(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Workshop.AgeGroups[2].Name != "Ältere" || got.Cards[0].AgeGroup != "young" || got.Themes[0].Dots != 11 ||
		got.Themes[0].GroupDots["old"] != 4 || got.Measures[0].Tandem["young"] != "Lena" {
		t.Errorf("read back %s", asJSON(t, got))
	}
}

// TestNoAgeGroupsNoNewKeys: a workshop that uses no age group writes its
// values as werkstatt wrote them before age groups existed (no new key in
// any value), and opening and reading such a file changes no byte of it.
func TestNoAgeGroupsNoNewKeys(t *testing.T) {
	s := newStore(t)
	w := mustCreate(t, s, "Zukunftswerkstatt Lindenau")
	th := model.Theme{ID: model.NewID(at(14, 10, 0)), Phase: "critique", Title: "Bus", Dots: 5, Created: at(14, 10, 0), Updated: at(14, 10, 0)}
	c := card("Der Bus fährt selten")
	c.Theme, c.Group = th.ID, "Tisch 2"
	m := model.Measure{ID: model.NewID(at(14, 11, 0)), What: "Bürgerbus", Who: "Ortsbeirat", Created: at(14, 11, 0), Updated: at(14, 11, 0)}
	if err := s.Apply(w.ID, model.Change{Cards: []model.Card{c}, Themes: []model.Theme{th}, Measures: []model.Measure{m}}); err != nil {
		t.Fatal(err)
	}
	path := s.Path()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	values := 0
	var walk func(b *bolt.Bucket) error
	walk = func(b *bolt.Bucket) error {
		return b.ForEach(func(k, v []byte) error {
			if v == nil {
				return walk(b.Bucket(k))
			}
			values++
			for _, key := range []string{`"age_group"`, `"age_groups"`, `"group_dots"`, `"tandem"`} {
				if bytes.Contains(v, []byte(key)) {
					t.Errorf("value %s holds %s: %s", k, key, v)
				}
			}
			return nil
		})
	}
	if err := db.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(_ []byte, b *bolt.Bucket) error { return walk(b) })
	}); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if values < 4 {
		t.Fatalf("walked %d values", values)
	}
	before := sum(t, path)
	s2, err := Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	snap, err := s2.Snapshot(w.ID)
	if err != nil || len(snap.Cards) != 1 || snap.Themes[0].GroupDots != nil || snap.Workshop.Generations(model.German) != nil {
		t.Errorf("snapshot %v %+v", err, snap)
	}
	if err := s2.Close(); err != nil {
		t.Fatal(err)
	}
	if sum(t, path) != before {
		t.Error("opening and reading the file changed it")
	}
}
