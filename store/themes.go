package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"werkstatt/model"
)

// Themes reads the themes of workshop id with the given ids, those that
// are stored: what the hub needs to check a station's proposed Open
// Space topic (ui/live) without reading the whole workshop.
func (s *Store) Themes(id string, themes []string) (map[string]model.Theme, error) {
	m := make(map[string]model.Theme, len(themes))
	err := s.view(func(tx *bolt.Tx) error {
		wsb, err := top(tx, bucketWorkshops)
		if err != nil {
			return err
		}
		if wsb.Get([]byte(id)) == nil {
			return &notFound{what: "workshop", ref: id}
		}
		b, err := items(tx, id, bucketThemes)
		if err != nil {
			return err
		}
		for _, k := range themes {
			v := b.Get([]byte(k))
			if v == nil {
				continue
			}
			var t model.Theme
			if err := decode(v, &t); err != nil {
				return fmt.Errorf("theme %s of %s: %w", keyText([]byte(k)), id, err)
			}
			m[k] = t
		}
		return nil
	})
	return m, err
}
