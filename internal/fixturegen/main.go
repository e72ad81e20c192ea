// Command fixturegen writes the performance fixture (package
// werkstatt/internal/fixture) to a new database file and prints the handle
// of its big workshop. .ci/perf runs it to measure the TUI's memory on the
// same data as the benchmarks:
//
//	go run ./internal/fixturegen -db PATH [-seed N] [-workshops N] [-cards N] [-big N]
//
// It is not part of the werkstatt binary.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"

	"werkstatt/internal/fixture"
	"werkstatt/store"
)

func main() {
	spec := fixture.Default
	db := flag.String("db", "", "the database file to create (must not exist)")
	flag.Uint64Var(&spec.Seed, "seed", spec.Seed, "seed of the generator")
	flag.IntVar(&spec.Workshops, "workshops", spec.Workshops, "ordinary workshops")
	flag.IntVar(&spec.Cards, "cards", spec.Cards, "contributions per ordinary workshop")
	flag.IntVar(&spec.BigCards, "big", spec.BigCards, "contributions of the big workshop (0: none)")
	flag.Parse()
	if *db == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: fixturegen -db PATH [-seed N] [-workshops N] [-cards N] [-big N]")
		os.Exit(2)
	}
	info, err := write(*db, spec)
	if err != nil {
		fmt.Fprintln(os.Stderr, "fixturegen:", err)
		os.Exit(1)
	}
	fmt.Println(info.BigHandle)
}

// write creates the database at path, which must not exist, and fills it.
func write(path string, spec fixture.Spec) (fixture.Info, error) {
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		if err == nil {
			err = fs.ErrExist
		}
		return fixture.Info{}, fmt.Errorf("%s: %w", path, err)
	}
	s, err := store.Open(path, nil)
	if err != nil {
		return fixture.Info{}, err
	}
	info, err := fixture.Fill(s, spec)
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	return info, err
}
