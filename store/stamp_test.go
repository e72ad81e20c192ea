//go:build linux || darwin

package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"werkstatt/model"
)

// TestStamps opens a database with check stamps: the first Open walks the
// file, an Open of the unchanged file does not, nor one after the store's
// own writes; a byte changed in place (with the modification time set back,
// as `touch -r` would) is found at the next Open, and a byte changed while
// the store is open is found before its next write, which is refused and
// leaves the file as it was.
func TestStamps(t *testing.T) {
	dir := t.TempDir()
	stamps := filepath.Join(dir, "checked")
	path := filepath.Join(dir, "werkstatt.db")
	if err := os.WriteFile(path, demoDB(t), 0o600); err != nil {
		t.Fatal(err)
	}
	open := func() (*Store, int64, error) {
		before := checkRuns.Load()
		s, err := Open(path, &Options{Stamps: stamps})
		return s, checkRuns.Load() - before, err
	}
	mustOpen := func(wantWalks int64) *Store {
		t.Helper()
		s, walks, err := open()
		if err != nil {
			t.Fatal(err)
		}
		if walks != wantWalks {
			t.Errorf("Open walked the file %d times, want %d", walks, wantWalks)
		}
		return s
	}
	mustOpen(1).Close()
	mustOpen(0).Close()
	s := mustOpen(0)
	list, _ := s.Workshops()
	c := card("nach dem Stempel")
	if err := s.Apply(list[0].ID, model.Change{Cards: []model.Card{c}}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	mustOpen(0).Close()

	// A byte changed in place, the modification time set back.
	fi, _ := os.Stat(path)
	damage := func() []byte {
		f, err := os.OpenFile(path, os.O_RDWR, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		for id := 2; ; id++ {
			// The first leaf page in use: the id in its header (bbolt
			// would free the page it names when it rewrites this one).
			b := make([]byte, 16)
			f.ReadAt(b, int64(id*4096))
			if le.Uint16(b[8:]) == flagLeaf && le.Uint64(b) == uint64(id) {
				f.WriteAt([]byte{b[0] ^ 0x40}, int64(id*4096))
				break
			}
		}
		f.Close()
		os.Chtimes(path, fi.ModTime(), fi.ModTime())
		b, _ := os.ReadFile(path)
		return b
	}
	time.Sleep(25 * time.Millisecond) // past the tick of the file system's clock
	damaged := damage()
	if _, walks, err := open(); !errors.Is(err, ErrDamaged) || walks != 1 {
		t.Fatalf("Open of the file changed in place: %v after %d walks", err, walks)
	}

	// Changed while open: the next write walks and refuses.
	good := demoDB(t)
	os.WriteFile(path, good, 0o600)
	s = mustOpen(1)
	fi, _ = os.Stat(path)
	time.Sleep(25 * time.Millisecond)
	damaged = damage()
	list, err := s.Workshops()
	if err == nil && len(list) > 0 {
		err = s.Apply(list[0].ID, model.Change{Cards: []model.Card{card("darf nicht")}})
	} else {
		w := workshop("darf nicht")
		err = s.CreateWorkshop(&w)
	}
	if !errors.Is(err, ErrDamaged) {
		t.Errorf("a write after the file was changed under the store: %v", err)
	}
	s.Close()
	if b, _ := os.ReadFile(path); !bytes.Equal(b, damaged) {
		t.Error("the refused write changed the file")
	}
}
