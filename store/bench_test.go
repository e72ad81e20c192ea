package store

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"werkstatt/model"
	"werkstatt/store/fixture"
)

// The store's benchmarks run on the fixture database (werkstatt/store/fixture) and set
// each figure beside its floor in the same run: `go test -bench Save
// ./store` prints both lines together. See .ci/perf and the README's
// Performance section.

// benchFixture builds the default fixture in a temporary folder of b and
// returns its path and what is in it. A top-level benchmark builds it once
// (about half a second) and its sub-benchmarks work on copies.
func benchFixture(b *testing.B) (string, fixture.Info) {
	b.Helper()
	path := filepath.Join(b.TempDir(), "fixture.db")
	info, err := writeFixture(path, fixture.Default)
	if err != nil {
		b.Fatal(err)
	}
	return path, info
}

// writeFixture creates a new database at path with the fixture of spec
// (package werkstatt/store/fixture) and closes it.
func writeFixture(path string, spec fixture.Spec) (fixture.Info, error) {
	s, err := Open(path, nil)
	if err != nil {
		return fixture.Info{}, err
	}
	info, err := fixture.Fill(s, spec)
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	return info, err
}

// fixtureCopy copies the fixture, so a benchmark that writes starts from
// the same file as its floor. The copy is synced before the timer runs:
// otherwise the first commit's fsync would write the whole new file.
func fixtureCopy(b *testing.B, src string) string {
	b.Helper()
	dst := filepath.Join(b.TempDir(), "copy.db")
	copyFile(b, src, dst)
	f, err := os.OpenFile(dst, os.O_RDWR, 0)
	if err != nil {
		b.Fatal(err)
	}
	if err := f.Sync(); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	return dst
}

// benchCard is the contribution every iteration saves under a new id: a
// typical length with umlauts, an author and a table.
func benchCard(now time.Time) model.Card {
	return model.Card{
		ID: model.NewID(now), Phase: "critique", Author: "Jürgen Weiß", Group: "Tisch 4",
		Text:    "Der Gehweg in der Lindenstraße ist für Rollstühle nicht zugänglich, vor allem für Ältere ohne Führerschein.",
		Created: now, Updated: now,
	}
}

// BenchmarkSave measures saving one contribution durably, as the TUI's
// writer does (Store.Apply of a Change with one card: one read-write
// transaction committed with fsync), against its floor: a bare bbolt
// Update that puts the same bytes under a new key into the same bucket of
// the same file. Both pay bbolt's commit and its two fsyncs; the
// difference is what the store adds (finding the workshop, JSON, checks).
// Target: Apply ≤ 1.5× the floor.
func BenchmarkSave(b *testing.B) {
	src, info := benchFixture(b)
	target := info.IDs[len(info.IDs)/2]
	now := time.Date(2026, 3, 14, 10, 0, 0, 0, time.UTC)

	b.Run("floor=bbolt-put-commit", func(b *testing.B) {
		path := fixtureCopy(b, src)
		db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
		if err != nil {
			b.Fatal(err)
		}
		defer db.Close()
		v, err := encode(benchCard(now))
		if err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			// A new key per save, made as the card's id is made in Apply's
			// loop; the value is encoded once, outside the loop.
			k := []byte(model.NewID(now))
			err := db.Update(func(tx *bolt.Tx) error {
				return tx.Bucket(bucketW).Bucket([]byte(target)).Bucket(bucketCards).Put(k, v)
			})
			if err != nil {
				b.Fatal(err)
			}
		}
	})

	apply := func(workshop string) func(b *testing.B) {
		return func(b *testing.B) {
			s, err := Open(fixtureCopy(b, src), nil)
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			for b.Loop() {
				if err := s.Apply(workshop, model.Change{Cards: []model.Card{benchCard(now)}}); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
	b.Run("store.Apply/500-cards", apply(target))
	b.Run("store.Apply/10000-cards", apply(info.Big))
}

// BenchmarkFixture measures building the default fixture (60,000
// contributions in 101 workshops), so it is known what the other
// benchmarks spend before they start.
func BenchmarkFixture(b *testing.B) {
	for b.Loop() {
		b.StopTimer()
		path := filepath.Join(b.TempDir(), "f.db")
		b.StartTimer()
		if _, err := writeFixture(path, fixture.Default); err != nil {
			b.Fatal(err)
		}
	}
}

// TestFixtureDeterministic checks, on a small fixture, that a seed gives
// the same workshops every time and that the store reads back what the
// generator wrote: counts, creation order of the keys, and the big phase.
func TestFixtureDeterministic(t *testing.T) {
	spec := fixture.Spec{Seed: 7, Workshops: 3, Cards: 40, BigCards: 120}
	read := func() (fixture.Info, []model.Snapshot) {
		path := filepath.Join(t.TempDir(), "f.db")
		info, err := writeFixture(path, spec)
		if err != nil {
			t.Fatal(err)
		}
		s, err := Open(path, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		var snaps []model.Snapshot
		for _, id := range append(append([]string{}, info.IDs...), info.Big) {
			snap, err := s.Snapshot(id)
			if err != nil {
				t.Fatal(err)
			}
			snaps = append(snaps, snap)
		}
		return info, snaps
	}
	info1, snaps1 := read()
	info2, snaps2 := read()
	if info1.Cards != 3*40+120 || info1.Cards != info2.Cards || info1.BigHandle != info2.BigHandle {
		t.Fatalf("fixture info differs or is wrong: %+v vs %+v", info1, info2)
	}
	for i := range snaps1 {
		a, b := snaps1[i], snaps2[i]
		if a.Workshop.ID != b.Workshop.ID || len(a.Cards) != len(b.Cards) || len(a.Themes) != len(b.Themes) {
			t.Fatalf("workshop %d differs between two runs with one seed", i)
		}
		for k := range a.Cards {
			if a.Cards[k] != b.Cards[k] {
				t.Fatalf("workshop %d card %d differs: %+v vs %+v", i, k, a.Cards[k], b.Cards[k])
			}
			if k > 0 && a.Cards[k-1].ID >= a.Cards[k].ID {
				t.Fatalf("workshop %d: ids not in creation order at card %d", i, k)
			}
		}
	}
	big := snaps1[len(snaps1)-1]
	for _, c := range big.Cards {
		if c.Phase != "critique" {
			t.Fatalf("big workshop has a card in phase %q", c.Phase)
		}
	}
	if len(big.Cards) != 120 {
		t.Fatalf("big workshop has %d cards, want 120", len(big.Cards))
	}
}

// TestCardCount checks the stored number of cards (w/<id>/ncards), which
// the workshop list reads instead of walking every card, against the
// cards really there, through puts, replacements, repeated ids, deletes of
// unknown ids, a put and a delete of the same card in one change, a file
// without the count, and an import.
func TestCardCount(t *testing.T) {
	s := newStore(t)
	w := mustCreate(t, s, "Zählen in Überlingen")
	check := func(step string) {
		t.Helper()
		list, err := s.Workshops()
		if err != nil {
			t.Fatal(err)
		}
		snap, err := s.Snapshot(w.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, sum := range list {
			if sum.ID == w.ID && sum.Cards != len(snap.Cards) {
				t.Fatalf("%s: the list says %d cards, the workshop has %d", step, sum.Cards, len(snap.Cards))
			}
		}
	}
	apply := func(ch model.Change) {
		t.Helper()
		if err := s.Apply(w.ID, ch); err != nil {
			t.Fatal(err)
		}
	}
	check("new workshop")
	c1, c2, c3 := card("eins"), card("zwei"), card("drei")
	apply(model.Change{Cards: []model.Card{c1, c2, c3}})
	check("three new cards")
	c1.Text = "eins, geändert"
	c4 := card("vier")
	apply(model.Change{Cards: []model.Card{c1, c4, c4}})
	check("one replaced, one new twice")
	apply(model.Change{DeleteCards: []string{c2.ID, "01UNKNOWN", c2.ID}})
	check("delete, unknown, delete again")
	c5 := card("fünf")
	apply(model.Change{Cards: []model.Card{c5}, DeleteCards: []string{c5.ID}})
	check("put and delete in one change")
	apply(model.Change{Themes: []model.Theme{{ID: model.NewID(time.Now()), Phase: "critique", Title: "Thema"}}})
	check("themes only")

	// A file written before the count was kept.
	err := s.update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketW).Bucket([]byte(w.ID)).Delete(keyCardCount)
	})
	if err != nil {
		t.Fatal(err)
	}
	check("no stored count")
	apply(model.Change{Cards: []model.Card{card("sechs")}})
	check("first write without a stored count")
	s = reopen(t, s)
	check("reopened")

	snap, err := s.Snapshot(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	snap.Workshop.ID, snap.Workshop.Handle = model.NewID(time.Now()), ""
	for i := range snap.Cards {
		snap.Cards[i].ID = model.NewID(time.Now())
	}
	snap.Themes = nil
	for range 2 {
		if _, err := s.Import(snap); err != nil {
			t.Fatal(err)
		}
		w = snap.Workshop
		check("import")
	}
}
