package store

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"werkstatt/model"
)

// TestCheckAcceptsWhatBboltWrites runs bbolt itself through a random
// workload of 300 transactions on one file: puts of keys of 1 to 80 bytes
// with values up to 12 KiB (overflow pages), deletes, nested buckets that
// stay inline or grow into pages of their own, deleted buckets. After every
// commit the file must pass werkstatt's check, which is stricter than
// bbolt's: a file bbolt wrote that the check refused would lock a user out
// of a sound database.
func TestCheckAcceptsWhatBboltWrites(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bolt.db")
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rng := rand.New(rand.NewPCG(7, 7))
	key := func() []byte {
		k := make([]byte, 1+rng.IntN(80))
		for i := range k {
			k[i] = byte('a' + rng.IntN(4)) // few letters: shared prefixes
		}
		return k
	}
	names := [][]byte{[]byte("a"), []byte("b"), []byte("c")}
	for round := range 300 {
		err := db.Update(func(tx *bolt.Tx) error {
			for range 1 + rng.IntN(40) {
				name := names[rng.IntN(len(names))]
				b, err := tx.CreateBucketIfNotExists(name)
				if err != nil {
					return err
				}
				switch r := rng.IntN(20); {
				case r < 11:
					v := make([]byte, rng.IntN(200))
					if rng.IntN(30) == 0 {
						v = make([]byte, rng.IntN(12<<10))
					}
					err = b.Put(key(), v)
				case r < 16:
					c := b.Cursor()
					k, _ := c.Seek(key())
					if k != nil && b.Bucket(k) == nil {
						err = b.Delete(k)
					}
				case r < 19:
					var nb *bolt.Bucket
					if nb, err = b.CreateBucketIfNotExists([]byte{'~', byte('0' + rng.IntN(5))}); err == nil {
						for range rng.IntN(1 + 30*rng.IntN(2)) {
							if err = nb.Put(key(), []byte("v")); err != nil {
								break
							}
						}
					}
				default:
					if k := []byte{'~', byte('0' + rng.IntN(5))}; b.Bucket(k) != nil {
						err = b.DeleteBucket(k)
					}
				}
				if err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if err := checkFile(path); err != nil {
			t.Fatalf("after commit %d the check refuses what bbolt wrote: %v", round, err)
		}
	}
	fi, _ := os.Stat(path)
	t.Logf("300 commits, a file of %d KiB: every state passed", fi.Size()>>10)
}

// TestCheckFindsDamage damages a database of one workshop of 600 cards
// (its cards bucket a branch page over leaves) in the ways bbolt's own
// check found in damaged copies, and in ways that make bbolt loop: each
// must be refused, by the check alone and by Open, with a one-line error.
func TestCheckFindsDamage(t *testing.T) {
	good, f := branchyDB(t)
	br, es := firstBranch(t, f)
	at := func(elem int) int { return int(br.id)*int(f.pageSize) + pageHeaderSize + elem*elementSize }
	setChild := func(elem int, id uint64) func([]byte) {
		return func(b []byte) { le.PutUint64(b[at(elem)+8:], id) }
	}
	leaf := es[1].child
	cases := []struct {
		name, want string
		damage     func([]byte)
	}{
		{"a branch that points at itself (a cycle)", "referenced twice", setChild(1, br.id)},
		{"a branch whose child is its parent's root (a cycle)", "referenced twice", setChild(0, f.root)},
		{"two entries for one page", "referenced twice", setChild(0, leaf)},
		{"a child outside the file", "outside the file", setChild(1, f.hwm+5)},
		{"both meta pages", "meta page", func(b []byte) { b[pageHeaderSize] ^= 0xFF; b[int(f.pageSize)+pageHeaderSize] ^= 0xFF }},
		{"a page header's overflow count", "overflow pages past the end", func(b []byte) {
			b[int(leaf)*int(f.pageSize)+15] = 0xFF
		}},
		{"a page header's id", "is marked as page", func(b []byte) { b[int(leaf)*int(f.pageSize)] ^= 0x40 }},
		{"a page's type", "not a branch or leaf", func(b []byte) { b[int(leaf)*int(f.pageSize)+8] = 0x20 }},
		{"a page's entry count", "more than fit", func(b []byte) { le.PutUint16(b[int(leaf)*int(f.pageSize)+10:], 0xFFF0) }},
		{"keys out of order", "out of order", func(b []byte) {
			// The second key of the leaf sorts first now.
			p, _ := f.page(leaf)
			les, _ := p.elements()
			k := les[1].key
			off := bytes.Index(b[int(leaf)*int(f.pageSize):], k)
			b[int(leaf)*int(f.pageSize)+off] = 0
		}},
		{"a longer first key than the parent has", "first key", func(b []byte) {
			// ksize of the leaf's first entry: the key runs into its value.
			le.PutUint32(b[int(leaf)*int(f.pageSize)+pageHeaderSize+8:], 40)
		}},
		{"a free page in use", "in use and in the free list", func(b []byte) {
			fp, _ := f.page(f.freelist)
			first := pageHeaderSize
			if fp.count == 0xFFFF {
				first += 8
			}
			le.PutUint64(b[int(f.freelist)*int(f.pageSize)+first:], leaf)
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := bytes.Clone(good)
			tc.damage(b)
			err := checkBoltBytes(b)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("the check says %v, want %q", err, tc.want)
			}
			path := filepath.Join(t.TempDir(), "werkstatt.db")
			if err := os.WriteFile(path, b, 0o600); err != nil {
				t.Fatal(err)
			}
			s, err := Open(path, nil)
			if err == nil {
				s.Close()
				t.Fatal("Open accepted it")
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("two lines: %q", err)
			}
			if got, _ := os.ReadFile(path); !bytes.Equal(got, b) {
				t.Error("Open changed the refused file")
			}
			t.Log(err)
		})
	}
}

// branchyDB returns the bytes of a closed database with one workshop of
// 600 cards, and the file read by boltFile.
func branchyDB(t *testing.T) ([]byte, *boltFile) {
	t.Helper()
	s := newStore(t)
	w := mustCreate(t, s, "Viele Karten")
	var cards []model.Card
	for i := range 600 {
		cards = append(cards, card(fmt.Sprintf("Karte %d: mehr Bänke am Dorfplatz", i)))
	}
	if err := s.Apply(w.ID, model.Change{Cards: cards}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	f, err := parseBoltFile(b)
	if err != nil {
		t.Fatal(err)
	}
	return b, f
}

// firstBranch finds a branch page with at least two children.
func firstBranch(t *testing.T, f *boltFile) (page, []element) {
	t.Helper()
	for id := uint64(2); id < f.hwm; id++ {
		p, err := f.page(id)
		if err != nil || p.flags != flagBranch {
			continue
		}
		es, err := p.elements()
		if err == nil && len(es) >= 2 {
			return p, es
		}
	}
	t.Fatal("no branch page in the file")
	return page{}, nil
}
