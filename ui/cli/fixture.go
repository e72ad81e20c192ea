package cli

import (
	"flag"
	"fmt"

	"werkstatt/store"
)

// cmdFixture writes the performance fixture (store.WriteFixture) to the
// --db path, which must not exist yet, and prints the handle of its big
// workshop. It is not in the help: .ci/perf uses it to measure the TUI's
// memory on the same data as the benchmarks.
func (c *cli) cmdFixture(fs *flag.FlagSet) func([]string) error {
	spec := store.DefaultFixture
	fs.Uint64Var(&spec.Seed, "seed", spec.Seed, "")
	fs.IntVar(&spec.Workshops, "workshops", spec.Workshops, "")
	fs.IntVar(&spec.Cards, "cards", spec.Cards, "")
	fs.IntVar(&spec.BigCards, "big", spec.BigCards, "")
	return func([]string) error {
		info, err := store.WriteFixture(c.dbPath(), spec)
		if err != nil {
			return err
		}
		fmt.Fprintln(c.stdout, info.BigHandle)
		return nil
	}
}
