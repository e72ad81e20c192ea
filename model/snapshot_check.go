package model

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// CheckImport checks a snapshot on its own before a store takes it in
// (store.Import): the workshop has an id and is valid (Workshop.Validate,
// which writes the canonical method and phase ids into it), every item
// has an id of at most MaxItemID bytes, no two items of a kind share one,
// and every item's phase is a phase of the workshop's method. An archive
// read by ReadArchive passed stricter checks already; a snapshot built
// otherwise (a rescue, a test) is checked here.
func (s *Snapshot) CheckImport() error {
	w := &s.Workshop
	if strings.TrimSpace(w.ID) == "" {
		return errors.New("the workshop has no id")
	}
	if len(w.ID) > MaxItemID {
		return fmt.Errorf("workshop id %q is longer than %d bytes", w.ID, MaxItemID)
	}
	if err := w.Validate(); err != nil {
		return fmt.Errorf("workshop %s: %w", w.ID, err)
	}
	m := w.MethodOf()
	phase := func(kind, id, p string) error {
		if _, _, ok := m.Phase(p); !ok {
			return fmt.Errorf("%s %s: phase %q is not a phase of %s (%s)", kind, id, p, m.ID, strings.Join(m.PhaseIDs(), ", "))
		}
		return nil
	}
	if err := distinctIDs("card", s.Cards, func(c Card) string { return c.ID }); err != nil {
		return err
	}
	if err := distinctIDs("theme", s.Themes, func(t Theme) string { return t.ID }); err != nil {
		return err
	}
	if err := distinctIDs("reversal", s.Reversals, func(r Reversal) string { return r.ID }); err != nil {
		return err
	}
	if err := distinctIDs("measure", s.Measures, func(m Measure) string { return m.ID }); err != nil {
		return err
	}
	if err := distinctIDs("photo", s.Photos, func(p Photo) string { return p.ID }); err != nil {
		return err
	}
	if err := distinctIDs("ballot", s.Ballots, func(b Ballot) string { return b.ID }); err != nil {
		return err
	}
	for _, b := range s.Ballots {
		if err := phase("ballot", b.ID, b.Phase); err != nil {
			return err
		}
	}
	for _, p := range s.Photos {
		if p.Phase != "" {
			if err := phase("photo", p.ID, p.Phase); err != nil {
				return err
			}
		}
	}
	for _, c := range s.Cards {
		if err := phase("card", c.ID, c.Phase); err != nil {
			return err
		}
	}
	for _, t := range s.Themes {
		if err := phase("theme", t.ID, t.Phase); err != nil {
			return err
		}
	}
	return nil
}

// uniqueIDs checks that every item has an id of sensible length and no two
// share one.
func distinctIDs[T any](kind string, list []T, id func(T) string) error {
	seen := make(map[string]bool, len(list))
	for i, it := range list {
		k := id(it)
		switch {
		case strings.TrimSpace(k) == "":
			return fmt.Errorf("%s %d of %d has no id", kind, i+1, len(list))
		case len(k) > MaxItemID:
			return fmt.Errorf("%s id %q is longer than %d bytes", kind, k, MaxItemID)
		case seen[k]:
			return fmt.Errorf("two %ss have the id %s", kind, k)
		}
		seen[k] = true
	}
	return nil
}

// CheckRefs checks that the themes and statements items point at exist
// in the snapshot: a card's theme, a reversal's theme and vision, a
// measure's vision and statement. store.Import checks the workshop as it
// will be after the import (a merge) before writing it.
func (s Snapshot) CheckRefs() error {
	themes := make([]string, len(s.Themes))
	for i, t := range s.Themes {
		themes[i] = t.ID
	}
	slices.Sort(themes)
	has := func(id string) bool {
		_, ok := slices.BinarySearch(themes, id)
		return ok
	}
	for _, c := range s.Cards {
		if c.Theme != "" && !has(c.Theme) {
			return fmt.Errorf("card %s lies in theme %s, which is missing", c.ID, c.Theme)
		}
	}
	revs := make(map[string]bool, len(s.Reversals))
	for _, r := range s.Reversals {
		if r.Theme != "" && !has(r.Theme) {
			return fmt.Errorf("reversal %s turns theme %s, which is missing", r.ID, r.Theme)
		}
		if r.Vision != "" && !has(r.Vision) {
			return fmt.Errorf("reversal %s leads to vision %s, which is missing", r.ID, r.Vision)
		}
		revs[r.ID] = true
	}
	for _, m := range s.Measures {
		if m.Vision != "" && !has(m.Vision) {
			return fmt.Errorf("measure %s serves vision %s, which is missing", m.ID, m.Vision)
		}
		if m.Reversal != "" && !revs[m.Reversal] {
			return fmt.Errorf("measure %s answers reversal %s, which is missing", m.ID, m.Reversal)
		}
	}
	return nil
}
