package store

import (
	"fmt"
	"path/filepath"
	"testing"

	"werkstatt/store/fixture"
)

// BenchmarkCheck measures the consistency check that Open runs before a
// file is used (walk: checkFile, werkstatt's own walk over the mapped
// file; open: Open and Close without check stamps, which walks every time;
// open-stamped: the same with the file's stamp recorded, which skips the
// walk) beside bbolt's Tx.Check of the same file (bbolt: Store.Check, which
// runs the walk and then bbolt's check), at 100, 10,000 and 100,000
// contributions (fixture workshops of 500, or one of 100). The figures are
// in the README's Reliability section.
//
//	go test ./store -run '^$' -bench Check -benchtime 20x
func BenchmarkCheck(b *testing.B) {
	for _, spec := range []fixture.Spec{
		{Seed: 1, Workshops: 1, Cards: 100},
		{Seed: 1, Workshops: 20, Cards: 500},
		{Seed: 1, Workshops: 200, Cards: 500},
	} {
		path := filepath.Join(b.TempDir(), "fixture.db")
		info, err := writeFixture(path, spec)
		if err != nil {
			b.Fatal(err)
		}
		name := fmt.Sprintf("cards=%d", info.Cards)
		b.Run(name+"/walk", func(b *testing.B) {
			for b.Loop() {
				if err := checkFile(path); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(name+"/open", func(b *testing.B) {
			for b.Loop() {
				s, err := Open(path, nil)
				if err != nil {
					b.Fatal(err)
				}
				s.Close()
			}
		})
		b.Run(name+"/open-stamped", func(b *testing.B) {
			o := &Options{Stamps: b.TempDir()}
			if s, err := Open(path, o); err == nil {
				s.Close() // records the stamp
			}
			for b.Loop() {
				s, err := Open(path, o)
				if err != nil {
					b.Fatal(err)
				}
				s.Close()
			}
		})
		b.Run(name+"/bbolt", func(b *testing.B) {
			s, err := Open(path, nil)
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			for b.Loop() {
				if err := s.Check(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
