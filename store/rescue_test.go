package store

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"werkstatt/model"
	"werkstatt/model/demo"
)

// rescueSource is a database with the demo workshop and a workshop of 600
// cards (its cards bucket a branch page over leaves), closed, with the
// snapshots of both as they were written.
func rescueSource(t *testing.T) (data []byte, want map[string]model.Snapshot, bigID string) {
	t.Helper()
	s := newStore(t)
	snap, err := demo.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Import(snap); err != nil {
		t.Fatal(err)
	}
	w := mustCreate(t, s, "Viele Karten")
	var cards []model.Card
	for i := range 600 {
		cards = append(cards, card(fmt.Sprintf("Karte %03d: mehr Bänke am Dorfplatz", i)))
	}
	if err := s.Apply(w.ID, model.Change{Cards: cards}); err != nil {
		t.Fatal(err)
	}
	// Two photos: their metadata and their bytes are copied too.
	addPhoto(t, s, w.ID, jpegOf(t, 64, 48))
	addPhoto(t, s, w.ID, jpegOf(t, 32, 32))
	want = map[string]model.Snapshot{}
	for _, id := range []string{snap.Workshop.ID, w.ID} {
		if want[id], err = s.SnapshotWithPhotos(id); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if data, err = os.ReadFile(s.Path()); err != nil {
		t.Fatal(err)
	}
	return data, want, w.ID
}

// rescueFile writes data to a file, rescues it into a new database and
// checks what every rescue must hold: the source is byte for byte as it
// was, the new database passes the check and holds what the report says
// it copied. It returns the report and the new database's snapshots.
func rescueFile(t *testing.T, data []byte) (RescueReport, map[string]model.Snapshot) {
	t.Helper()
	dir := t.TempDir()
	src, dst := filepath.Join(dir, "kaputt.db"), filepath.Join(dir, "neu.db")
	if err := os.WriteFile(src, data, 0o600); err != nil {
		t.Fatal(err)
	}
	rep, err := Rescue(src, dst, func(id string) string { return "Gerettet " + id })
	if got, _ := os.ReadFile(src); !bytes.Equal(got, data) {
		t.Fatal("Rescue changed the damaged file")
	}
	if err != nil {
		if _, serr := os.Stat(dst); serr == nil {
			t.Errorf("Rescue failed (%v) but left %s", err, dst)
		}
		return rep, nil
	}
	s, err := Open(dst, nil)
	if err != nil {
		t.Fatalf("the rescued database does not open: %v", err)
	}
	defer s.Close()
	if err := s.Check(); err != nil {
		t.Fatalf("the rescued database is not consistent: %v", err)
	}
	got := map[string]model.Snapshot{}
	list, err := s.Workshops()
	if err != nil {
		t.Fatal(err)
	}
	for _, sum := range list {
		if got[sum.ID], err = s.SnapshotWithPhotos(sum.ID); err != nil {
			t.Fatal(err)
		}
	}
	for _, w := range rep.Workshops {
		g := got[w.ID]
		if n := (Counts{Cards: len(g.Cards), Themes: len(g.Themes), Reversals: len(g.Reversals), Measures: len(g.Measures),
			Photos: len(g.Photos), Recommendations: len(g.Recommendations)}); n != w.Copied {
			t.Errorf("workshop %s: the report says %+v copied, the new file holds %+v", w.ID, w.Copied, n)
		}
	}
	return rep, got
}

// TestRescue rescues a sound file and files with one kind of damage each,
// and checks what was copied and what the report calls lost against what
// the damage took.
func TestRescue(t *testing.T) {
	good, want, bigID := rescueSource(t)
	f, err := parseBoltFile(good)
	if err != nil {
		t.Fatal(err)
	}
	demoID := demo.WorkshopID
	same := func(t *testing.T, got map[string]model.Snapshot, id string) {
		t.Helper()
		if asJSON(t, got[id]) != asJSON(t, want[id]) {
			t.Errorf("workshop %s was not copied as it was", id)
		}
	}
	byID := func(rep RescueReport, id string) RescuedWorkshop {
		for _, w := range rep.Workshops {
			if w.ID == id {
				return w
			}
		}
		t.Fatalf("workshop %s is not in the report %+v", id, rep)
		return RescuedWorkshop{}
	}

	t.Run("sound file", func(t *testing.T) {
		rep, got := rescueFile(t, good)
		if !rep.Complete() || len(got) != 2 || len(got[bigID].Photos) != 2 {
			t.Fatalf("report %+v, %d workshops", rep, len(got))
		}
		same(t, got, demoID)
		same(t, got, bigID)
		for id, b := range want[bigID].PhotoFiles {
			if !bytes.Equal(got[bigID].PhotoFiles[id], b) {
				t.Errorf("photo %s: its bytes were not copied as they were", id)
			}
		}
		if len(want[bigID].PhotoFiles) != 2 {
			t.Errorf("the source has %d photo files", len(want[bigID].PhotoFiles))
		}
	})

	t.Run("a leaf of cards with a damaged header", func(t *testing.T) {
		// bbolt would allocate without end on this file; the entries are
		// all there.
		_, es := cardsBranch(t, f, bigID)
		b := bytes.Clone(good)
		b[int(es[1].child)*int(f.pageSize)+15] = 0xFF
		rep, got := rescueFile(t, b)
		if !rep.Complete() {
			t.Errorf("report %+v", rep)
		}
		same(t, got, demoID)
		same(t, got, bigID)
	})

	t.Run("a lost leaf of cards", func(t *testing.T) {
		_, es := cardsBranch(t, f, bigID)
		leaf, _ := f.page(es[1].child)
		onLeaf := leaf.count
		b := bytes.Clone(good)
		clear(b[int(leaf.id)*int(f.pageSize) : int(leaf.id+1)*int(f.pageSize)])
		rep, got := rescueFile(t, b)
		big := byID(rep, bigID)
		if big.Lost.Cards != onLeaf || !big.Unreadable || big.Copied.Cards != 600-onLeaf {
			t.Errorf("big workshop: %+v, want %d cards lost", big, onLeaf)
		}
		if !byID(rep, demoID).Complete() {
			t.Errorf("the demo workshop is reported incomplete: %+v", byID(rep, demoID))
		}
		same(t, got, demoID)
		t.Logf("%d of 600 cards copied, %d lost (a leaf of %d)", big.Copied.Cards, big.Lost.Cards, onLeaf)
	})

	t.Run("one card's value", func(t *testing.T) {
		b := bytes.Clone(good)
		text := []byte("Karte 123: mehr")
		i := bytes.Index(b, text)
		if i < 0 || bytes.Count(b, text) != 1 {
			t.Fatalf("the card's text is %d times in the file", bytes.Count(b, text))
		}
		b[i-2] = 0x1b // the quote before the text
		rep, got := rescueFile(t, b)
		big := byID(rep, bigID)
		if big.Lost != (Counts{Cards: 1}) || big.Copied.Cards != 599 || big.Unreadable {
			t.Errorf("big workshop: %+v, want 1 card lost", big)
		}
		same(t, got, demoID)
	})

	t.Run("the demo workshop's own record", func(t *testing.T) {
		b := bytes.Clone(good)
		key := []byte(`"title":"Zukunftswerkstatt Musterdorf`)
		for i := bytes.Index(b, key); i >= 0; i = bytes.Index(b, key) {
			b[i] = 0x1b
		}
		rep, got := rescueFile(t, b)
		w := byID(rep, demoID)
		if !w.Orphan || w.Complete() || w.Title != "Gerettet "+demoID {
			t.Errorf("the demo workshop: %+v", w)
		}
		g, d := got[demoID], want[demoID]
		if len(g.Cards) != len(d.Cards) || len(g.Themes) != len(d.Themes) ||
			len(g.Reversals) != len(d.Reversals) || len(g.Measures) != len(d.Measures) {
			t.Errorf("the orphan's items were not all copied: %+v", w)
		}
		same(t, got, bigID)
	})

	t.Run("the page of the folder list gone", func(t *testing.T) {
		// Every folder's entry is lost with it; the pages below it are
		// found by the scan of unreached pages.
		r := &rescuer{f: f, seen: make([]bool, f.hwm)}
		top, _, _ := r.sub(bucketRef{root: f.root})
		w := top[string(bucketW)].root
		if w == 0 {
			t.Fatal("the folder list is inline")
		}
		b := bytes.Clone(good)
		clear(b[int(w)*int(f.pageSize) : int(w+1)*int(f.pageSize)])
		rep, got := rescueFile(t, b)
		cards := 0
		for _, g := range got {
			cards += len(g.Cards)
		}
		if want := len(want[demoID].Cards) + 600; cards != want || rep.Complete() {
			t.Errorf("%d cards copied, want %d; report %+v", cards, want, rep)
		}
		t.Logf("%d workshops, %d cards copied; report: %+v", len(got), cards, rep.Workshops)
	})

	t.Run("a cycle", func(t *testing.T) {
		br, _ := cardsBranch(t, f, bigID)
		b := bytes.Clone(good)
		le.PutUint64(b[int(br.id)*int(f.pageSize)+pageHeaderSize+elementSize+8:], br.id)
		rep, _ := rescueFile(t, b)
		if byID(rep, bigID).Complete() {
			t.Error("the cycle went unnoticed")
		}
	})

	t.Run("the new file exists", func(t *testing.T) {
		dir := t.TempDir()
		src, dst := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")
		os.WriteFile(src, good, 0o600)
		os.WriteFile(dst, []byte("meins"), 0o600)
		if _, err := Rescue(src, dst, func(string) string { return "x" }); !errors.Is(err, ErrExists) {
			t.Errorf("Rescue onto an existing file: %v", err)
		}
		if b, _ := os.ReadFile(dst); string(b) != "meins" {
			t.Error("Rescue wrote onto an existing file")
		}
	})
}

// cardsBranch returns the root page of workshop id's cards, a branch page.
func cardsBranch(t *testing.T, f *boltFile, id string) (page, []element) {
	t.Helper()
	r := &rescuer{f: f, seen: make([]bool, f.hwm)}
	top, _, _ := r.sub(bucketRef{root: f.root})
	w, _, _ := r.sub(top[string(bucketW)])
	ws, _, _ := r.sub(w[id])
	p, err := f.page(ws[string(bucketCards)].root)
	if err != nil {
		t.Fatal(err)
	}
	es, err := p.elements()
	if err != nil || p.flags != flagBranch || len(es) < 2 {
		t.Fatalf("the cards of %s are not under a branch page: %v", id, err)
	}
	return p, es
}

// TestRescueRandomDamage rescues 60 randomly damaged copies (as
// TestDamagedCopiesWrite damages them): every rescue ends, leaves the
// damaged file as it was and writes a database that passes the check and
// holds what the report says.
func TestRescueRandomDamage(t *testing.T) {
	good, _, _ := rescueSource(t)
	rng := rand.New(rand.NewPCG(11, 11))
	complete := 0
	for range 60 {
		_, b := damageCopy(rng, good)
		rep, _ := rescueFile(t, b)
		if rep.Complete() {
			complete++
		}
	}
	t.Logf("60 damaged copies rescued, %d of them completely", complete)
}
