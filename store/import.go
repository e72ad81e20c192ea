package store

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	bolt "go.etcd.io/bbolt"

	"werkstatt/model"
)

// Import creates the snapshot's workshop or merges it into the one with the
// same id (see model.Merge), in one transaction: on any error nothing is
// changed. A new workshop whose handle another workshop holds gets a free
// one. The snapshot is checked first: ids present and unique, the workshop
// valid, phases known to its method, and references between items (a
// card's theme, a reversal's theme, a measure's vision) pointing at themes
// that exist once the import is done.
func (s *Store) Import(snap model.Snapshot) (model.MergeReport, error) {
	if err := validateSnapshot(&snap); err != nil {
		return model.MergeReport{}, fmt.Errorf("import: %w", err)
	}
	var rep model.MergeReport
	err := s.update(func(tx *bolt.Tx) error {
		id := snap.Workshop.ID
		cur, err := readSnapshot(tx, id)
		switch {
		case errors.Is(err, ErrNotFound):
			return importNew(tx, snap, &rep)
		case err != nil:
			return err
		}
		// The database's bytes are not read: putPhotos keeps the bytes
		// of a photo it holds and takes the archive's for new ones.
		merged, r := model.Merge(cur, snap)
		if err := checkRefs(merged); err != nil {
			return err
		}
		rep = r
		if !rep.Changed() {
			return nil
		}
		if err := putWorkshop(tx, merged.Workshop, cur.Workshop.Handle); err != nil {
			return err
		}
		return putChange(tx, id, model.Change{
			Cards: merged.Cards, Themes: merged.Themes, Reversals: merged.Reversals, Measures: merged.Measures,
			Photos: merged.Photos, PhotoFiles: snap.PhotoFiles, Ballots: merged.Ballots,
			Resistances: merged.Resistances, Recommendations: merged.Recommendations,
		})
	})
	if err != nil {
		return model.MergeReport{}, fmt.Errorf("import workshop %q: %w", snap.Workshop.Title, err)
	}
	return rep, nil
}

// importNew stores a workshop the database does not have yet.
func importNew(tx *bolt.Tx, snap model.Snapshot, rep *model.MergeReport) error {
	if err := checkRefs(snap); err != nil {
		return err
	}
	hb, err := top(tx, bucketHandles)
	if err != nil {
		return err
	}
	w := snap.Workshop
	w.Handle = freeHandle(hb, w.Handle, w.Title)
	if err := createItemBuckets(tx, w.ID); err != nil {
		return err
	}
	if err := putWorkshop(tx, w, ""); err != nil {
		return err
	}
	*rep = model.MergeReport{
		Created: true,
		Added: len(snap.Cards) + len(snap.Themes) + len(snap.Reversals) + len(snap.Measures) + len(snap.Photos) +
			len(snap.Resistances) + len(snap.Recommendations),
	}
	return putChange(tx, w.ID, model.Change{
		Cards: snap.Cards, Themes: snap.Themes, Reversals: snap.Reversals, Measures: snap.Measures,
		Photos: snap.Photos, PhotoFiles: snap.PhotoFiles, Ballots: snap.Ballots,
		Resistances: snap.Resistances, Recommendations: snap.Recommendations,
	})
}

// validateSnapshot checks an incoming snapshot on its own, before the
// database is touched; it writes the canonical method and phase ids into
// the workshop.
func validateSnapshot(snap *model.Snapshot) error {
	w := &snap.Workshop
	if strings.TrimSpace(w.ID) == "" {
		return errors.New("the workshop has no id")
	}
	if len(w.ID) > maxID {
		return fmt.Errorf("workshop id %q is longer than %d bytes", w.ID, maxID)
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
	if err := uniqueIDs("card", snap.Cards, func(c model.Card) string { return c.ID }); err != nil {
		return err
	}
	if err := uniqueIDs("theme", snap.Themes, func(t model.Theme) string { return t.ID }); err != nil {
		return err
	}
	if err := uniqueIDs("reversal", snap.Reversals, func(r model.Reversal) string { return r.ID }); err != nil {
		return err
	}
	if err := uniqueIDs("measure", snap.Measures, func(m model.Measure) string { return m.ID }); err != nil {
		return err
	}
	if err := uniqueIDs("photo", snap.Photos, func(p model.Photo) string { return p.ID }); err != nil {
		return err
	}
	if err := uniqueIDs("ballot", snap.Ballots, func(b model.Ballot) string { return b.ID }); err != nil {
		return err
	}
	for _, b := range snap.Ballots {
		if err := phase("ballot", b.ID, b.Phase); err != nil {
			return err
		}
	}
	for _, p := range snap.Photos {
		if p.Phase != "" {
			if err := phase("photo", p.ID, p.Phase); err != nil {
				return err
			}
		}
	}
	for _, c := range snap.Cards {
		if err := phase("card", c.ID, c.Phase); err != nil {
			return err
		}
	}
	for _, t := range snap.Themes {
		if err := phase("theme", t.ID, t.Phase); err != nil {
			return err
		}
	}
	return nil
}

// maxID is the longest id the store accepts from an import; werkstatt's own
// ids have 26 characters.
const maxID = 64

// uniqueIDs checks that every item has an id of sensible length and no two
// share one.
func uniqueIDs[T any](kind string, list []T, id func(T) string) error {
	seen := make(map[string]bool, len(list))
	for i, it := range list {
		k := id(it)
		switch {
		case strings.TrimSpace(k) == "":
			return fmt.Errorf("%s %d of %d has no id", kind, i+1, len(list))
		case len(k) > maxID:
			return fmt.Errorf("%s id %q is longer than %d bytes", kind, k, maxID)
		case seen[k]:
			return fmt.Errorf("two %ss have the id %s", kind, k)
		}
		seen[k] = true
	}
	return nil
}

// checkRefs checks that the themes items point at exist in the snapshot.
func checkRefs(snap model.Snapshot) error {
	themes := make([]string, len(snap.Themes))
	for i, t := range snap.Themes {
		themes[i] = t.ID
	}
	slices.Sort(themes)
	has := func(id string) bool {
		_, ok := slices.BinarySearch(themes, id)
		return ok
	}
	for _, c := range snap.Cards {
		if c.Theme != "" && !has(c.Theme) {
			return fmt.Errorf("card %s lies in theme %s, which is missing", c.ID, c.Theme)
		}
	}
	revs := make(map[string]bool, len(snap.Reversals))
	for _, r := range snap.Reversals {
		if r.Theme != "" && !has(r.Theme) {
			return fmt.Errorf("reversal %s turns theme %s, which is missing", r.ID, r.Theme)
		}
		if r.Vision != "" && !has(r.Vision) {
			return fmt.Errorf("reversal %s leads to vision %s, which is missing", r.ID, r.Vision)
		}
		revs[r.ID] = true
	}
	for _, m := range snap.Measures {
		if m.Vision != "" && !has(m.Vision) {
			return fmt.Errorf("measure %s serves vision %s, which is missing", m.ID, m.Vision)
		}
		if m.Reversal != "" && !revs[m.Reversal] {
			return fmt.Errorf("measure %s answers reversal %s, which is missing", m.ID, m.Reversal)
		}
	}
	return nil
}
