package store

import (
	"errors"
	"fmt"

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
	if err := snap.CheckImport(); err != nil {
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
		if err := merged.CheckRefs(); err != nil {
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
	if err := snap.CheckRefs(); err != nil {
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

// maxID is the longest id the store takes from an import or a rescue.
const maxID = model.MaxItemID
