package model

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"
)

// The bounds of a workshop's numbers. A Zukunftswerkstatt is a room of
// people with paper dots; the bounds are far above any real room and far
// below where a budget could overflow or a screen could not show a count.
const (
	MaxParticipants = 10_000                    // people in the room
	MaxDots         = 100                       // dots per participant
	MaxBudget       = MaxParticipants * MaxDots // every dot the room can have
	MinTimebox      = time.Minute               // shortest timebox of a phase
	MaxTimebox      = 12 * time.Hour            // longest timebox of a phase
)

// LimitError says that a number of the workshop is outside its bounds.
// Field is the name of the number as the command line and the archive call
// it ("participants", "dots", "cap", "timebox"); Phase names the phase of
// a timebox. The front ends translate it from these fields.
type LimitError struct {
	Field    string
	Phase    string
	Value    int64 // for a timebox: minutes
	Min, Max int64
}

func (e *LimitError) Error() string {
	name := e.Field
	if e.Phase != "" {
		name += " of " + e.Phase
	}
	if e.Value < 0 && e.Min == 0 {
		return fmt.Sprintf("%s cannot be negative (%d)", name, e.Value)
	}
	if e.Field == "cap" && e.Max < MaxBudget {
		return fmt.Sprintf("cap %d is more than the room's %d dots (participants × dots)", e.Value, e.Max)
	}
	if e.Field == "timebox" {
		return fmt.Sprintf("%s %d minutes is outside %d to %d minutes", name, e.Value, e.Min, e.Max)
	}
	return fmt.Sprintf("%s %d is outside %d to %d", name, e.Value, e.Min, e.Max)
}

// ErrNoTitle is returned for a workshop whose title is empty.
var ErrNoTitle = errors.New("a workshop needs a title")

// Validate checks what every stored workshop must satisfy and makes its
// method, phase and per-phase keys canonical (ids, not aliases): a title;
// participants 0 to MaxParticipants, dots 0 to MaxDots, a cap of dots per
// theme from 0 (none) to the budget (or MaxBudget while the number of
// participants is unknown); a known method and phase; a date in YYYY-MM-DD;
// a known language; timeboxes from MinTimebox to MaxTimebox.
func (w *Workshop) Validate() error { return w.ValidateFrom(nil) }

// ValidateFrom is Validate for a workshop that replaces old: a number that
// is out of bounds but unchanged from old is let through, so a workshop
// stored before a bound existed can still have its timer started, while
// every number that is changed must be within bounds.
func (w *Workshop) ValidateFrom(old *Workshop) error {
	if strings.TrimSpace(w.Title) == "" {
		return ErrNoTitle
	}
	if err := w.checkNumbers(old); err != nil {
		return err
	}
	if err := w.checkGrid(); err != nil {
		return err
	}
	m, err := w.checkMethod()
	if err != nil {
		return err
	}
	w.Method = m.ID
	if _, err := ParseDate(string(w.Date)); err != nil {
		return err
	}
	if w.Lang != "" && w.Lang != German && w.Lang != English {
		return fmt.Errorf("unknown language %q (de or en)", oneLineQ(string(w.Lang)))
	}
	phase := func(p string) (string, error) {
		ph, _, ok := m.Phase(p)
		if !ok {
			return "", fmt.Errorf("phase %q is not a phase of %s (%s)", oneLineQ(p), m.ID, strings.Join(m.PhaseIDs(), ", "))
		}
		return ph.ID, nil
	}
	if w.Phase == "" {
		w.Phase = m.Phases[0].ID
	} else if w.Phase, err = phase(w.Phase); err != nil {
		return err
	}
	for _, field := range []struct {
		name string
		keys []string
	}{{"questions", slices.Sorted(maps.Keys(w.Questions))}, {"timeboxes", slices.Sorted(maps.Keys(w.Timeboxes))}, {"timers", slices.Sorted(maps.Keys(w.Timers))}} {
		seen := map[string]bool{}
		for _, k := range field.keys {
			id, err := phase(k)
			if err != nil {
				return fmt.Errorf("%s: %w", field.name, err)
			}
			if seen[id] {
				return fmt.Errorf("%s: phase %s is given twice", field.name, id)
			}
			seen[id] = true
		}
	}
	if err := w.checkCafe(m, old); err != nil {
		return err
	}
	w.Questions = canonicalKeys(w.Questions, m)
	w.Timeboxes = canonicalKeys(w.Timeboxes, m)
	w.Timers = canonicalKeys(w.Timers, m)
	for _, t := range w.Timers {
		if t.Total < 0 || t.Elapsed < 0 {
			return errors.New("a timer cannot be negative")
		}
	}
	return nil
}

// checkMethod finds the workshop's method: its own copy, which must be
// one that runs (Method.Check) and name the workshop's method, or a
// built-in one.
func (w *Workshop) checkMethod() (Method, error) {
	if w.MethodDef != nil {
		m := *w.MethodDef
		if errs := m.Check(); len(errs) > 0 {
			e := errs[0]
			where := ""
			if e.Phase >= 0 {
				where = fmt.Sprintf("phase %d: ", e.Phase+1)
			}
			return Method{}, fmt.Errorf("%w: %s%s", ErrMethod, where, e.Msg.En)
		}
		if w.Method == "" {
			w.Method = m.ID
		}
		if w.Method != m.ID {
			return Method{}, fmt.Errorf("%w: the method is %q, its copy %q", ErrMethod, oneLineQ(w.Method), oneLineQ(m.ID))
		}
		return m, nil
	}
	m, ok := MethodByID(w.Method)
	if !ok {
		var known []string
		for _, m := range Methods() {
			known = append(known, m.ID)
		}
		return Method{}, fmt.Errorf("unknown method %q (known: %s)", oneLineQ(w.Method), strings.Join(known, ", "))
	}
	return m, nil
}

// checkNumbers checks the bounds of the numbers, letting through those
// that old already had.
func (w *Workshop) checkNumbers(old *Workshop) error {
	same := func(f func(Workshop) int64) bool { return old != nil && f(*old) == f(*w) }
	check := func(field string, f func(Workshop) int64, lo, hi int64) error {
		if v := f(*w); (v < lo || v > hi) && !same(f) {
			return &LimitError{Field: field, Value: v, Min: lo, Max: hi}
		}
		return nil
	}
	if err := check("participants", func(w Workshop) int64 { return int64(w.Participants) }, 0, MaxParticipants); err != nil {
		return err
	}
	if err := check("dots", func(w Workshop) int64 { return int64(w.Dots) }, 0, MaxDots); err != nil {
		return err
	}
	limit := int64(MaxBudget)
	if w.Participants > 0 && w.Participants <= MaxParticipants && w.Dots >= 0 && w.Dots <= MaxDots {
		limit = int64(w.Budget())
	}
	cap := func(w Workshop) int64 { return int64(w.DotCap) }
	if v := cap(*w); v < 0 || v > limit {
		// A lower head count may leave an old cap above the budget;
		// only a workshop whose cap and budget are both unchanged keeps it.
		if !same(cap) || old.Budget() != w.Budget() {
			return &LimitError{Field: "cap", Value: v, Min: 0, Max: limit}
		}
	}
	for _, p := range slices.Sorted(maps.Keys(w.Timeboxes)) {
		d := w.Timeboxes[p]
		if d >= MinTimebox && d <= MaxTimebox {
			continue
		}
		if old != nil && old.Timeboxes[p] == d {
			continue
		}
		return &LimitError{Field: "timebox", Phase: p, Value: int64(d / time.Minute),
			Min: int64(MinTimebox / time.Minute), Max: int64(MaxTimebox / time.Minute)}
	}
	return nil
}

// canonicalKeys returns a per-phase map with phase ids as keys; its keys
// have been checked.
func canonicalKeys[T any](in map[string]T, m Method) map[string]T {
	if len(in) == 0 {
		return in
	}
	out := make(map[string]T, len(in))
	for k, v := range in {
		p, _, _ := m.Phase(k)
		out[p.ID] = v
	}
	return out
}
