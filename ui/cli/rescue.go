package cli

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"

	"werkstatt/store"
)

// cmdRescue copies what can still be read from a damaged database into a
// new one: `werkstatt rescue FILE -o NEW.db`. It never writes to FILE and
// never opens it with bbolt (store.Rescue reads its bytes), and it writes
// NEW.db only as a whole, under a name that did not exist.
func (c *cli) cmdRescue(fs *flag.FlagSet) func([]string) error {
	out := fs.String("o", "", "")
	return func(args []string) error {
		src, dst := args[0], *out
		if dst == "" {
			return usageError{"rescue", c.t("rescue.noout")}
		}
		if fi, err := os.Stat(src); err != nil {
			return fmt.Errorf("%s: %w", c.t("err.read", src), err)
		} else if !fi.Mode().IsRegular() {
			return errors.New(c.t("err.folder", src))
		}
		target, err := c.rescueTarget(dst, src)
		if err != nil {
			return err
		}
		rep, err := store.Rescue(src, target, func(id string) string { return c.t("rescue.orphantitle", id) })
		switch {
		case errors.Is(err, store.ErrExists):
			return errors.New(c.t("rescue.exists", dst))
		case errors.Is(err, store.ErrNotWerkstatt):
			return errors.New(c.t("rescue.unreadable", src))
		case err != nil:
			return fmt.Errorf("rescue %s: %w", src, err)
		}
		c.rescueReport(rep, src, dst)
		return nil
	}
}

// rescueTarget checks the new database's path with the output guard (not
// the damaged file, not the database in use, no other database, nothing
// but a regular file or a new name), and then that it does not exist:
// rescue writes a new database, never onto a file.
func (c *cli) rescueTarget(dst, src string) (string, error) {
	target, err := store.GuardOutput(dst, src, c.dbPath())
	if err != nil {
		return "", err
	}
	if _, err := os.Lstat(target); err == nil {
		return "", errors.New(c.t("rescue.exists", dst))
	}
	return target, nil
}

// rescueReport prints what was copied, workshop by workshop, and what was
// lost.
func (c *cli) rescueReport(rep store.RescueReport, src, dst string) {
	all := rep.Copied()
	if all.Total() == 0 {
		fmt.Fprintln(c.stdout, c.t("rescue.done.empty", dst, c.n("rescue.workshops", len(rep.Workshops))))
	} else {
		fmt.Fprintln(c.stdout, c.t("rescue.done", dst, c.n("rescue.workshops", len(rep.Workshops)), c.counts(all)))
	}
	tw := tabwriter.NewWriter(c.stdout, 0, 0, 2, ' ', 0)
	for _, w := range rep.Workshops {
		var state []string
		switch {
		case w.Err != nil:
			state = append(state, c.t("rescue.failed", oneLine(w.Err.Error())))
		case w.Complete():
			state = append(state, c.t("rescue.complete"))
		}
		if w.Orphan {
			state = append(state, c.t("rescue.orphan"))
		}
		if n := w.Lost; n.Total() > 0 && w.Err == nil {
			state = append(state, c.t("rescue.lost", c.counts(n)))
		}
		if w.Unreadable {
			state = append(state, c.t("rescue.unreadable.part"))
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", w.Handle, oneLine(w.Title), strings.Join(state, "; "))
	}
	_ = tw.Flush()
	if lost := rep.Lost(); lost.Total() > 0 {
		fmt.Fprintln(c.stdout, c.t("rescue.lost.all", c.counts(lost)))
	}
	if rep.LostWorkshops > 0 {
		fmt.Fprintln(c.stdout, c.t("rescue.lost.workshops", c.n("rescue.workshops", rep.LostWorkshops)))
	}
	if rep.ListUnreadable {
		fmt.Fprintln(c.stdout, c.t("rescue.lost.list"))
	}
	if rep.Complete() {
		fmt.Fprintln(c.stdout, c.t("rescue.nothinglost"))
	}
	fmt.Fprintln(c.stdout, c.t("rescue.next", src, shellWord(dst)))
}

// counts says how many items of each kind, leaving out the kinds of none.
func (c *cli) counts(n store.Counts) string {
	var parts []string
	for _, k := range []struct {
		key string
		n   int
	}{{"rescue.cards", n.Cards}, {"rescue.themes", n.Themes}, {"rescue.reversals", n.Reversals}, {"rescue.measures", n.Measures}, {"rescue.photos", n.Photos},
		{"rescue.recommendations", n.Recommendations}} {
		if k.n > 0 {
			parts = append(parts, c.n(k.key, k.n))
		}
	}
	if len(parts) == 0 {
		return c.t("rescue.none")
	}
	return strings.Join(parts, ", ")
}
