package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"golang.org/x/text/unicode/norm"

	"werkstatt/model"
	"werkstatt/store"
)

// photoFlags are the flags of `werkstatt photo`; which apply depends on
// the subcommand.
type photoFlags struct {
	caption, phase string
	consent        bool
}

// cmdPhoto is `werkstatt photo add|list|rm|consent HANDLE …`.
func (c *cli) cmdPhoto(fs *flag.FlagSet) func([]string) error {
	var f photoFlags
	fs.StringVar(&f.caption, "caption", "", "")
	fs.StringVar(&f.phase, "phase", "", "")
	fs.BoolVar(&f.consent, "consent", false, "")
	return func(args []string) error {
		if len(args) == 0 {
			return usageError{"photo", c.t("usage.missing", "photo")}
		}
		set := map[string]bool{}
		fs.Visit(func(fl *flag.Flag) { set[fl.Name] = true })
		sub, rest := args[0], args[1:]
		if sub != "add" && len(set) > 0 {
			for _, name := range []string{"caption", "phase", "consent"} {
				if set[name] {
					return usageError{"photo", c.t("photo.flagaddonly", name)}
				}
			}
		}
		want := map[string]int{"list": 1, "rm": 2, "consent": 3}
		switch n, ok := want[sub]; {
		case sub == "add":
			if len(rest) < 2 {
				return usageError{"photo", c.t("usage.missing", "photo add")}
			}
			return c.photoAdd(rest[0], rest[1:], f)
		case !ok:
			return usageError{"photo", c.t("photo.unknown", sub)}
		case len(rest) < n:
			return usageError{"photo", c.t("usage.missing", "photo "+sub)}
		case len(rest) > n:
			return usageError{"photo", c.t("usage.extra", strings.Join(rest[n:], " "))}
		}
		switch sub {
		case "list":
			return c.photoList(rest[0])
		case "rm":
			return c.photoRemove(rest[0], rest[1])
		}
		return c.photoConsent(rest[0], rest[1], rest[2])
	}
}

// readPhoto reads one file as a photo, refusing a file over the limit
// before reading it.
func (c *cli) readPhoto(path string, now time.Time) (model.Photo, []byte, error) {
	fi, err := os.Stat(path)
	switch {
	case err != nil:
		return model.Photo{}, nil, fmt.Errorf("%s: %w", c.t("photo.read", path), err)
	case fi.IsDir():
		return model.Photo{}, nil, errors.New(c.t("photo.folder", path))
	case fi.Size() > model.MaxPhotoSize:
		return model.Photo{}, nil, errors.New(c.t("photo.toolarge", path, model.SizeText(fi.Size(), c.lang)))
	}
	file, err := os.Open(path)
	if err != nil {
		return model.Photo{}, nil, fmt.Errorf("%s: %w", c.t("photo.read", path), err)
	}
	defer file.Close()
	// A file that grows while it is read is still held to the limit.
	data, err := io.ReadAll(io.LimitReader(file, model.MaxPhotoSize+1))
	if err != nil {
		return model.Photo{}, nil, fmt.Errorf("%s: %w", c.t("photo.read", path), err)
	}
	p, err := model.NewPhoto(path, data, now)
	switch {
	case errors.Is(err, model.ErrPhotoTooLarge):
		return model.Photo{}, nil, errors.New(c.t("photo.toolarge", path, model.SizeText(int64(len(data)), c.lang)))
	case err != nil:
		return model.Photo{}, nil, errors.New(c.t("photo.notimage", path))
	}
	return p, data, nil
}

// photoAdd checks every file first and adds them all in one write, or
// none when one of them is refused.
func (c *cli) photoAdd(ref string, files []string, f photoFlags) error {
	caption := oneLine(norm.NFC.String(f.caption))
	return c.withStore(func(s *store.Store) error {
		w, err := c.findWorkshop(s, ref)
		if err != nil {
			return err
		}
		phase, err := c.phaseRef("photo", w, f.phase)
		if err != nil {
			return err
		}
		snap, err := s.Snapshot(w.ID)
		if err != nil {
			return err
		}
		ch := model.Change{PhotoFiles: map[string][]byte{}}
		now := time.Now()
		for i, path := range files {
			p, data, err := c.readPhoto(path, now.Add(time.Duration(i)*time.Millisecond))
			if err != nil {
				return err
			}
			p.Caption, p.Phase, p.Consent = caption, phase, f.consent
			ch.Photos = append(ch.Photos, p)
			ch.PhotoFiles[p.ID] = data
		}
		if err := s.Apply(w.ID, ch); err != nil {
			return fmt.Errorf("photo add: %w", err)
		}
		for i, p := range ch.Photos {
			fmt.Fprintln(c.stdout, c.t("photo.added", len(snap.Photos)+i+1, p.Name, p.Width, p.Height, model.SizeText(p.Size, c.lang)))
		}
		return nil
	})
}

func (c *cli) photoList(ref string) error {
	return c.withStore(func(s *store.Store) error {
		w, err := c.findWorkshop(s, ref)
		if err != nil {
			return err
		}
		snap, err := s.Snapshot(w.ID)
		if err != nil {
			return err
		}
		if len(snap.Photos) == 0 {
			fmt.Fprintln(c.stdout, c.t("photo.none", w.Handle))
			return nil
		}
		m := w.MethodOf()
		tw := tabwriter.NewWriter(c.stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, c.t("photo.head"))
		for i, p := range snap.Photos {
			phase := "–"
			if ph, _, ok := m.Phase(p.Phase); ok {
				phase = ph.Name.In(c.lang)
			}
			consent := c.t("photo.noconsent")
			if p.Consent {
				consent = c.t("photo.yesconsent")
			}
			caption := oneLine(p.Caption)
			if caption == "" {
				caption = "–"
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%d×%d\t%s\n", i+1, oneLine(p.Name), caption, phase,
				model.SizeText(p.Size, c.lang), p.Width, p.Height, consent)
		}
		return tw.Flush()
	})
}

// photoAt finds photo n (counted from 1, as photo list shows them).
func (c *cli) photoAt(s *store.Store, ref, n string) (model.Workshop, model.Photo, error) {
	w, err := c.findWorkshop(s, ref)
	if err != nil {
		return w, model.Photo{}, err
	}
	snap, err := s.Snapshot(w.ID)
	if err != nil {
		return w, model.Photo{}, err
	}
	i, err := strconv.Atoi(strings.TrimSpace(n))
	if err != nil || i < 1 || i > len(snap.Photos) {
		if len(snap.Photos) == 0 {
			return w, model.Photo{}, usageError{"photo", c.t("photo.none", w.Handle)}
		}
		return w, model.Photo{}, usageError{"photo", c.t("photo.badnum", n, len(snap.Photos))}
	}
	return w, snap.Photos[i-1], nil
}

func (c *cli) photoRemove(ref, n string) error {
	return c.withStore(func(s *store.Store) error {
		w, p, err := c.photoAt(s, ref, n)
		if err != nil {
			return err
		}
		if err := s.Apply(w.ID, model.Change{DeletePhotos: []string{p.ID}}); err != nil {
			return fmt.Errorf("photo rm: %w", err)
		}
		fmt.Fprintln(c.stdout, c.t("photo.removed", n, p.Name))
		return nil
	})
}

func (c *cli) photoConsent(ref, n, onOff string) error {
	var on bool
	switch strings.ToLower(strings.TrimSpace(onOff)) {
	case "on", "ja", "yes", "an":
		on = true
	case "off", "nein", "no", "aus":
	default:
		return usageError{"photo", c.t("photo.onoff", onOff)}
	}
	return c.withStore(func(s *store.Store) error {
		w, p, err := c.photoAt(s, ref, n)
		if err != nil {
			return err
		}
		if p.Consent != on {
			p.Consent, p.Updated = on, time.Now()
			if err := s.Apply(w.ID, model.Change{Photos: []model.Photo{p}}); err != nil {
				return fmt.Errorf("photo consent: %w", err)
			}
		}
		key := "photo.consent.off"
		if on {
			key = "photo.consent.on"
		}
		fmt.Fprintln(c.stdout, c.t(key, n, p.Name))
		return nil
	})
}
