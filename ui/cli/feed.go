package cli

import (
	"errors"
	"flag"

	"werkstatt/store"
	"werkstatt/ui"
)

// cmdFeed types the lines of stdin into the board of workshop HANDLE and
// saves each with Enter, through the TUI's own code path, printing
// "saved <id> <text>" once a card is on disk. It is not in the help: the
// crash test kills it at random moments and checks those promises.
func (c *cli) cmdFeed(fs *flag.FlagSet) func([]string) error {
	return func(args []string) error {
		return c.withStore(func(s *store.Store) error {
			w, err := c.findWorkshop(s, args[0])
			if err != nil {
				return err
			}
			return ui.Feed(s, c.lang, w.ID, c.stdin, c.stdout)
		})
	}
}

// cmdPanic starts the TUI on workshop HANDLE with a model that panics on
// F12. It is not in the help: a tmux test presses F12 and checks that the
// terminal is restored and the error is one line.
func (c *cli) cmdPanic(fs *flag.FlagSet) func([]string) error {
	return func(args []string) error {
		return c.withStore(func(s *store.Store) error {
			w, err := c.findWorkshop(s, args[0])
			if err != nil {
				return err
			}
			if !isTerminal(c.stdin) || !isTerminal(c.stdout) {
				return errors.New(c.t("err.notty"))
			}
			return ui.RunPanicking(ui.Config{Store: s, Lang: c.lang, Workshop: w.ID})
		})
	}
}
