package store

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"reflect"
	"testing"

	bolt "go.etcd.io/bbolt"

	"werkstatt/model"
	"werkstatt/model/demo"
	"werkstatt/store/fixture"
)

// TestPlanIsSnapshotWithoutCards: Plan gives what Snapshot gives but the
// cards and photos, so the CSV of the measures is byte for byte the same from both.
func TestPlanIsSnapshotWithoutCards(t *testing.T) {
	s := newStore(t)
	d, err := demo.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Import(d); err != nil {
		t.Fatal(err)
	}
	full, err := s.Snapshot(demo.WorkshopID)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := s.Plan(demo.WorkshopID)
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Cards) != 0 || len(full.Cards) == 0 {
		t.Fatalf("Plan read %d cards (Snapshot %d), want none", len(plan.Cards), len(full.Cards))
	}
	want := full
	want.Cards, want.Photos = []model.Card{}, nil
	if !reflect.DeepEqual(plan, want) {
		t.Errorf("Plan differs from Snapshot without cards:\n%+v\n%+v", plan, want)
	}
	for _, lang := range []model.Lang{model.German, model.English} {
		for _, anon := range []bool{false, true} {
			var a, b bytes.Buffer
			o := model.CSVOptions{Lang: lang, Anonymize: anon}
			if err := model.WriteMeasuresCSV(&a, full, o); err != nil {
				t.Fatal(err)
			}
			if err := model.WriteMeasuresCSV(&b, plan, o); err != nil {
				t.Fatal(err)
			}
			if a.String() != b.String() || bytes.Count(a.Bytes(), []byte("\n")) != 7 {
				t.Errorf("%s anonymize=%v: CSV from Plan\n%s\nfrom Snapshot\n%s", lang, anon, b.String(), a.String())
			}
		}
	}
}

// TestPlanReadsNoCard: Plan does not read the cards, so a card whose
// bytes do not decode stops Snapshot (and the record) but not the plan;
// an unknown workshop is ErrNotFound as for Snapshot.
func TestPlanReadsNoCard(t *testing.T) {
	s := newStore(t)
	w := mustCreate(t, s, "Kaputte Karte")
	if err := s.Apply(w.ID, model.Change{Measures: []model.Measure{{ID: "m1", What: "Bank aufstellen"}}}); err != nil {
		t.Fatal(err)
	}
	if err := s.db.Update(func(tx *bolt.Tx) error {
		b, err := items(tx, w.ID, bucketCards)
		if err != nil {
			return err
		}
		return b.Put([]byte("01KJD83FG021RGAQNC54GZW4D7"), []byte{encodingJSON, '{', 'x'})
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Snapshot(w.ID); err == nil {
		t.Fatal("Snapshot decoded a damaged card; the test needs it to fail")
	}
	plan, err := s.Plan(w.ID)
	if err != nil {
		t.Fatalf("Plan read the cards: %v", err)
	}
	if len(plan.Measures) != 1 || plan.Measures[0].What != "Bank aufstellen" || plan.Workshop.ID != w.ID {
		t.Errorf("Plan: %+v", plan)
	}
	if _, err := s.Plan("nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Plan of an unknown workshop: %v, want ErrNotFound", err)
	}
}

// BenchmarkExportCSV measures what `export --format csv` does with the
// store, reading the workshop and writing the CSV of its measures, for a
// workshop of 1,000 and of 100,000 contributions (all phases, 4–9
// measures): before = Snapshot (every card read and decoded), after =
// Plan (no card read). Both in one run, so the ratio holds:
//
//	go test ./store -run '^$' -bench ExportCSV -benchmem -count 5
func BenchmarkExportCSV(b *testing.B) {
	for _, n := range []int{1_000, 100_000} {
		path := filepath.Join(b.TempDir(), "fixture.db")
		info, err := writeFixture(path, fixture.Spec{Seed: 2035, Workshops: 1, Cards: n})
		if err != nil {
			b.Fatal(err)
		}
		s, err := Open(path, nil)
		if err != nil {
			b.Fatal(err)
		}
		id := info.IDs[0]
		for _, c := range []struct {
			name string
			read func(string) (model.Snapshot, error)
		}{{"before=Snapshot", s.Snapshot}, {"after=Plan", s.Plan}} {
			b.Run(fmt.Sprintf("cards=%d/%s", n, c.name), func(b *testing.B) {
				for b.Loop() {
					snap, err := c.read(id)
					if err != nil {
						b.Fatal(err)
					}
					if err := model.WriteMeasuresCSV(io.Discard, snap, model.CSVOptions{}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
		s.Close()
	}
}
