package cli

import (
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"time"

	"werkstatt/model"
	"werkstatt/store"
)

// editFlags are the flags of `werkstatt edit`: every setting of a
// workshop. Only the flags given change anything.
type editFlags struct {
	workshopFlags
	langRecord                     string
	phaseQuestions, phaseTimeboxes listFlag
}

func (c *cli) cmdEdit(fs *flag.FlagSet) func([]string) error {
	var f editFlags
	f.define(fs, 0)
	fs.Var(&f.phaseQuestions, "phase-question", "")
	fs.Var(&f.phaseTimeboxes, "phase-timebox", "")
	fs.StringVar(&f.langRecord, "lang-record", "", "")
	return func(args []string) error {
		set := map[string]bool{}
		fs.Visit(func(fl *flag.Flag) { set[fl.Name] = true })
		delete(set, "db")
		delete(set, "lang")
		if len(set) == 0 {
			return usageError{"edit", c.t("edit.nothing")}
		}
		return c.withStore(func(s *store.Store) error {
			w, err := c.findWorkshop(s, args[0])
			if err != nil {
				return err
			}
			before := w
			if err := c.applyEditFlags(&w, f, set); err != nil {
				return err
			}
			w.Updated = time.Now()
			if err := s.Apply(w.ID, model.Change{Workshop: &w}); err != nil {
				return fmt.Errorf("edit %s: %w", w.Handle, err)
			}
			fmt.Fprintln(c.stdout, c.t("edit.done", w.Handle, strings.Join(c.changed(before, w), ", ")))
			return nil
		})
	}
}

// applyEditFlags writes the given flags into w and checks the result with
// the model's rules; every mistake is a usage error.
func (c *cli) applyEditFlags(w *model.Workshop, f editFlags, set map[string]bool) error {
	bad := func(key string, args ...any) error { return usageError{"edit", c.t(key, args...)} }
	f.setTexts(w, set)
	if err := f.setRest(w, set, bad); err != nil {
		return err
	}
	if set["lang-record"] {
		l, ok := model.ParseLang(f.langRecord)
		if !ok || len(strings.TrimSpace(f.langRecord)) != 2 {
			return bad("edit.lang", f.langRecord)
		}
		w.Lang = l
	}
	for _, pq := range f.phaseQuestions {
		id, text, err := c.phasePair("phase-question", *w, pq)
		if err != nil {
			return err
		}
		w.SetQuestion(id, text)
	}
	for _, pt := range f.phaseTimeboxes {
		id, text, err := c.phasePair("phase-timebox", *w, pt)
		if err != nil {
			return err
		}
		min, err := strconv.Atoi(strings.TrimSpace(text))
		if err != nil {
			return bad("edit.timebox", pt)
		}
		if min < 0 || int64(min) > int64(model.MaxTimebox/time.Minute) {
			return c.workshopError("edit", &model.LimitError{Field: "timebox", Phase: id, Value: int64(min),
				Min: int64(model.MinTimebox / time.Minute), Max: int64(model.MaxTimebox / time.Minute)})
		}
		w.SetTimebox(id, time.Duration(min)*time.Minute)
	}
	return c.workshopError("edit", w.Validate())
}

// phasePair reads PHASE=TEXT: the phase by any name the screens show, in
// either language.
func (c *cli) phasePair(flagName string, w model.Workshop, v string) (string, string, error) {
	ref, text, ok := strings.Cut(v, "=")
	if !ok {
		return "", "", usageError{"edit", c.t("edit.pair", flagName, v)}
	}
	p, _, found := w.MethodOf().Phase(ref)
	if !found {
		var valid []string
		for _, p := range w.MethodOf().Phases {
			valid = append(valid, p.ID+" ("+p.Name.In(c.lang)+")")
		}
		return "", "", usageError{"edit", c.t("err.phase", ref, strings.Join(valid, "; "))}
	}
	return p.ID, strings.TrimSpace(text), nil
}

// workshopError turns what the model's Validate refuses into a usage
// error in the user's language, naming the flag.
func (c *cli) workshopError(cmd string, err error) error {
	if err == nil {
		return nil
	}
	var lim *model.LimitError
	switch {
	case errors.Is(err, model.ErrNoTitle):
		return usageError{cmd, c.t("new.title")}
	case errors.As(err, &lim):
		return usageError{cmd, c.limit(lim)}
	}
	return usageError{cmd, err.Error()}
}

// limit says in the user's language which number is out of bounds.
func (c *cli) limit(lim *model.LimitError) string {
	switch {
	case lim.Field == "timebox":
		return c.t("bounds.timebox", lim.Phase, lim.Value, lim.Min, lim.Max)
	case lim.Value < 0:
		return c.t("new.negative", lim.Field, lim.Value)
	case lim.Field == "cap" && lim.Max < model.MaxBudget:
		return c.t("bounds.cap", lim.Value, c.num(lim.Max))
	}
	return c.t("bounds.range", lim.Field, lim.Value, c.num(lim.Max))
}

// num writes a number with the language's thousands separator.
func (c *cli) num(n int64) string {
	s := strconv.FormatInt(n, 10)
	sep := ","
	if c.lang == model.German {
		sep = "."
	}
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + sep + s[i:]
	}
	return s
}

// changed names the settings that differ between a and b, as the flags
// call them.
func (c *cli) changed(a, b model.Workshop) []string {
	var out []string
	add := func(name string, differ bool) {
		if differ {
			out = append(out, c.t("edit.field."+name))
		}
	}
	add("title", a.Title != b.Title)
	add("question", a.Question != b.Question)
	add("date", a.Date != b.Date)
	add("place", a.Place != b.Place)
	add("client", a.Client != b.Client)
	add("facilitator", strings.Join(a.Facilitators, "\x00") != strings.Join(b.Facilitators, "\x00"))
	add("participants", a.Participants != b.Participants)
	add("dots", a.Dots != b.Dots)
	add("cap", a.DotCap != b.DotCap)
	add("lang-record", a.Lang != b.Lang)
	add("phase-question", fmt.Sprint(a.Questions) != fmt.Sprint(b.Questions))
	add("phase-timebox", fmt.Sprint(a.Timeboxes) != fmt.Sprint(b.Timeboxes))
	if len(out) == 0 {
		return []string{c.t("edit.same")}
	}
	return out
}
