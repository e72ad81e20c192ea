package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/charmbracelet/x/term"
	"golang.org/x/text/unicode/norm"

	"werkstatt/model"
	"werkstatt/model/demo"
	"werkstatt/store"
	"werkstatt/ui"
	"werkstatt/ui/live"
	"werkstatt/ui/serve"
)

// listFlag collects a repeatable flag such as --facilitator.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ", ") }

func (l *listFlag) Set(v string) error {
	*l = append(*l, oneLine(norm.NFC.String(v)))
	return nil
}

// isTerminal reports whether f is an *os.File on a terminal; the TUI needs
// one on both ends, and a test or a pipe must get an error, not a hang.
func isTerminal(f any) bool {
	file, ok := f.(*os.File)
	return ok && term.IsTerminal(file.Fd())
}

// runTUI opens the store and starts the TUI on a workshop, or on the home
// screen when id is "".
func (c *cli) runTUI(id, phase string) error {
	return c.withStore(func(s *store.Store) error { return c.tui(s, id, phase) })
}

func (c *cli) tui(s *store.Store, id, phase string) error {
	return c.hall(s, live.New(s), id, phase, nil)
}

// hall runs the facilitator's TUI as one peer of hub over the store, so
// sessions served from this process (SSH stations, the projector, phones)
// share its changes; F9 starts and stops serving them over SSH (serve.go),
// and with opt the TUI starts serving at once (`werkstatt serve`).
func (c *cli) hall(s *store.Store, hub *live.Hub, id, phase string, opt *serve.Options) error {
	if !isTerminal(c.stdin) || !isTerminal(c.stdout) {
		return errors.New(c.t("err.notty"))
	}
	// While the TUI runs, other terminals' list, export, backup and
	// import run here (live.go); an import tells every session to read
	// the workshop again. A socket that cannot be made (a file of its
	// name that is no socket, a path too long for one) leaves the TUI as
	// it was: those commands then say the database is in use.
	if l, err := startLive(s, hub.Reload); err == nil {
		defer l.Close()
	}
	base := c.serveBase(s, id, serve.DefaultPort, serve.DefaultMaxStations)
	if opt != nil {
		base = *opt
	}
	ctl := newServing(c, hub, base)
	if opt != nil {
		if err := ctl.Start(ctl.last); err != nil {
			return err
		}
	}
	defer ctl.Stop()
	quietLogs()
	cfg := ui.Config{Store: s, Hub: hub, Lang: c.lang, Workshop: id, Phase: phase, Serving: ctl}
	if !c.phones.noPhones {
		cfg.PhoneURL = ctl.PhoneURL
	}
	return ui.Run(cfg)
}

// workshopFlags are the settings of a workshop that `werkstatt new` and
// `werkstatt edit` both take.
type workshopFlags struct {
	title, question, date, place, client string
	facilitators                         listFlag
	participants, dots, cap              int
}

// define adds the flags to fs; dots is --dots's default.
func (f *workshopFlags) define(fs *flag.FlagSet, dots int) {
	fs.StringVar(&f.title, "title", "", "")
	fs.StringVar(&f.question, "question", "", "")
	fs.StringVar(&f.date, "date", "", "")
	fs.StringVar(&f.place, "place", "", "")
	fs.StringVar(&f.client, "client", "", "")
	fs.Var(&f.facilitators, "facilitator", "")
	fs.IntVar(&f.participants, "participants", 0, "")
	fs.IntVar(&f.dots, "dots", dots, "")
	fs.IntVar(&f.cap, "cap", 0, "")
}

// setTexts writes the workshop's text flags that were given. Text from the
// shell is stored as the TUI stores typed text: NFC (a macOS terminal may
// pass a decomposed "ä") on one line.
func (f *workshopFlags) setTexts(w *model.Workshop, set map[string]bool) {
	for _, t := range []struct {
		name string
		dst  *string
		v    string
	}{{"title", &w.Title, f.title}, {"question", &w.Question, f.question}, {"place", &w.Place, f.place}, {"client", &w.Client, f.client}} {
		if set[t.name] {
			*t.dst = oneLine(norm.NFC.String(t.v))
		}
	}
}

// setRest writes the date, the facilitators and the numbers that were
// given; a date it cannot read is the usage error bad makes.
func (f *workshopFlags) setRest(w *model.Workshop, set map[string]bool, bad func(key string, args ...any) error) error {
	if set["date"] {
		d, err := model.ReadDate(f.date, time.Now())
		if err != nil {
			return bad("new.date", f.date, model.DateForms)
		}
		w.Date = d
	}
	if set["facilitator"] {
		w.Facilitators = nil
		for _, name := range f.facilitators {
			if name != "" {
				w.Facilitators = append(w.Facilitators, name)
			}
		}
	}
	if set["participants"] {
		w.Participants = f.participants
	}
	if set["dots"] {
		w.Dots = f.dots
	}
	if set["cap"] {
		w.DotCap = f.cap
	}
	return nil
}

// newFlags are the metadata flags of `werkstatt new`.
type newFlags struct {
	workshopFlags
	method, from string
}

func (c *cli) cmdNew(fs *flag.FlagSet) func([]string) error {
	var f newFlags
	f.define(fs, 3)
	fs.StringVar(&f.method, "method", model.MethodZukunftswerkstatt, "")
	fs.StringVar(&f.from, "from", "", "")
	return func([]string) error {
		set := map[string]bool{}
		fs.Visit(func(fl *flag.Flag) { set[fl.Name] = true })
		var tpl model.Snapshot
		if f.from != "" {
			var err error
			if tpl, err = c.readTemplate(f.from); err != nil {
				return err
			}
		} else {
			tpl.Workshop = model.Workshop{Method: f.method, Dots: f.dots, Lang: c.lang}
		}
		w := &tpl.Workshop
		if err := c.applyNewFlags(w, f, set); err != nil {
			return err
		}
		return c.withStore(func(s *store.Store) error {
			if err := s.CreateWorkshop(w); err != nil {
				return fmt.Errorf("create %q: %w", w.Title, err)
			}
			if rest := templateItems(tpl); !rest.Empty() {
				if err := s.Apply(w.ID, rest); err != nil {
					return fmt.Errorf("create %q from %s: %w", w.Title, f.from, err)
				}
			}
			fmt.Fprintln(c.stdout, w.Handle)
			return nil
		})
	}
}

// applyNewFlags checks the flags of `new` and writes the ones given (all
// of them without --from) into w. Mistakes are usage errors: the call was
// wrong, not the database.
func (c *cli) applyNewFlags(w *model.Workshop, f newFlags, set map[string]bool) error {
	bad := func(key string, args ...any) error { return usageError{"new", c.t(key, args...)} }
	f.setTexts(w, set)
	if w.Title == "" {
		return bad("new.title")
	}
	if err := f.setRest(w, set, bad); err != nil {
		return err
	}
	if set["method"] || w.Method == "" {
		w.Method = f.method
	}
	m, err := c.newMethod(w, f.method, set["method"])
	if err != nil {
		return err
	}
	if _, _, ok := m.Phase(w.Phase); !ok {
		w.Phase = m.Phases[0].ID
	}
	if c.langArg != "" || w.Lang == "" {
		w.Lang = c.lang
	}
	// The bounds of the numbers are the model's, checked before the
	// database is opened.
	return c.workshopError("new", w.Validate())
}

func (c *cli) cmdList(fs *flag.FlagSet) func([]string) error {
	asJSON := fs.Bool("json", false, "")
	return func([]string) error {
		return c.withStore(func(s *store.Store) error {
			list, err := s.Workshops()
			if err != nil {
				return fmt.Errorf("list: %w", err)
			}
			if *asJSON {
				if list == nil {
					list = []model.Summary{}
				}
				enc := json.NewEncoder(c.stdout)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(list)
			}
			if len(list) == 0 {
				fmt.Fprintln(c.stdout, c.t("list.empty"))
				return nil
			}
			tw := tabwriter.NewWriter(c.stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", c.t("list.handle"), c.t("list.title"),
				c.t("list.date"), c.t("list.method"), c.t("list.phase"), c.t("list.cards"))
			for _, w := range list {
				date := w.Date.Format(c.lang)
				if date == "" {
					date = c.t("list.nodate")
				}
				m := w.MethodOf()
				phase := c.t("list.phasenil")
				if p, _, ok := m.Phase(w.Phase); ok {
					phase = p.Name.In(c.lang)
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\n", w.Handle, oneLine(w.Title), date,
					m.Name.In(c.lang), phase, w.Cards)
			}
			return tw.Flush()
		})
	}
}

// phaseRef resolves --phase against the workshop's method, by id or alias.
func (c *cli) phaseRef(cmd string, w model.Workshop, ref string) (string, error) {
	if ref == "" {
		return "", nil
	}
	m := w.MethodOf()
	if p, _, ok := m.Phase(ref); ok {
		return p.ID, nil
	}
	var valid []string
	for _, p := range m.Phases {
		valid = append(valid, p.ID+" ("+strings.Join(p.Aliases, ", ")+")")
	}
	return "", usageError{cmd, c.t("err.phase", ref, strings.Join(valid, "; "))}
}

func (c *cli) cmdOpen(fs *flag.FlagSet) func([]string) error {
	phase := fs.String("phase", "", "")
	return func(args []string) error {
		return c.withStore(func(s *store.Store) error {
			w, err := c.findWorkshop(s, args[0])
			if err != nil {
				return err
			}
			ph, err := c.phaseRef("open", w, *phase)
			if err != nil {
				return err
			}
			return c.tui(s, w.ID, ph)
		})
	}
}

func (c *cli) cmdDemo(fs *flag.FlagSet) func([]string) error {
	noOpen := fs.Bool("no-open", false, "")
	method := fs.String("method", "", "")
	return func([]string) error {
		d, ok := demo.ForMethod(strings.ToLower(strings.TrimSpace(*method)))
		if !ok {
			var ids []string
			for _, d := range demo.All() {
				ids = append(ids, d.Method)
			}
			return usageError{"demo", c.t("demo.method", *method, strings.Join(ids, ", "))}
		}
		return c.withStore(func(s *store.Store) error {
			w, err := s.Workshop(d.WorkshopID)
			// A demo just made opens at its first phase, so a new user
			// walks the filled workshop from the critique on; later runs
			// open it where it was left.
			phase := ""
			if errors.Is(err, store.ErrNotFound) {
				snap, derr := d.Snapshot()
				if derr != nil {
					return derr
				}
				if _, err := s.Import(snap); err != nil {
					return fmt.Errorf("demo: %w", err)
				}
				w, err = s.Workshop(d.WorkshopID)
				if m := w.MethodOf(); err == nil && len(m.Phases) > 0 {
					phase = m.Phases[0].ID
				}
			}
			if err != nil {
				return fmt.Errorf("demo: %w", err)
			}
			if *noOpen {
				fmt.Fprintln(c.stdout, w.Handle)
				return nil
			}
			return c.tui(s, w.ID, phase)
		})
	}
}

func (c *cli) cmdBackup(fs *flag.FlagSet) func([]string) error {
	return func(args []string) error {
		dst := args[0]
		if _, err := store.GuardOutput(c.file(dst), c.protect()...); err != nil {
			return err
		}
		return c.withStore(func(s *store.Store) error {
			if err := s.Backup(c.file(dst)); err != nil {
				if errors.Is(err, store.ErrOutput) {
					return err
				}
				return fmt.Errorf("backup %s: %w", dst, err)
			}
			fmt.Fprintln(c.stdout, c.t("backup.done", dst))
			return nil
		})
	}
}

func (c *cli) cmdVersion(fs *flag.FlagSet) func([]string) error {
	return func([]string) error {
		fmt.Fprintln(c.stdout, version())
		return nil
	}
}

func (c *cli) cmdHelp(fs *flag.FlagSet) func([]string) error {
	return func(args []string) error {
		cmd := ""
		if len(args) > 0 {
			cmd = args[0]
		}
		fmt.Fprint(c.stdout, c.usage(cmd))
		return nil
	}
}
