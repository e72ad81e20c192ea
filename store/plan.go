package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"werkstatt/model"
)

// Plan loads workshop id without its cards and photos: the workshop, its
// themes, reversals and measures, items in creation order. It is what the action
// plan (the CSV of the measures, model.WriteMeasuresCSV) needs: a measure
// names its vision theme or a positive statement, a statement its themes.
// The cards, which are nearly all of a big workshop's bytes, are not
// read: for a workshop of 100,000 contributions Snapshot reads and decodes
// every one of them for a few hundred bytes of CSV.
func (s *Store) Plan(id string) (model.Snapshot, error) {
	var snap model.Snapshot
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		if snap.Workshop, err = getWorkshop(tx, id); err != nil {
			return err
		}
		// The item buckets but the cards' (itemBuckets[0]).
		b := [3]*bolt.Bucket{}
		for i, name := range itemBuckets[1:] {
			if b[i], err = items(tx, id, name); err != nil {
				return err
			}
		}
		if snap.Themes, err = readAll[model.Theme](b[0]); err != nil {
			return fmt.Errorf("themes of %s: %w", id, err)
		}
		if snap.Reversals, err = readAll[model.Reversal](b[1]); err != nil {
			return fmt.Errorf("reversals of %s: %w", id, err)
		}
		if snap.Measures, err = readAll[model.Measure](b[2]); err != nil {
			return fmt.Errorf("measures of %s: %w", id, err)
		}
		snap.Cards = []model.Card{}
		return nil
	})
	return snap, err
}
