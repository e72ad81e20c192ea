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
	err := readNamed(s, id, bucketThemes, "theme", themes, func(k string, t model.Theme) { m[k] = t })
	return m, err
}

// readNamed decodes the items of workshop id in bucket with the given
// keys, those that are stored, and hands each to keep; what names the
// kind of item in an error.
func readNamed[T any](s *Store, id string, bucket []byte, what string, keys []string, keep func(key string, item T)) error {
	return s.view(func(tx *bolt.Tx) error {
		wsb, err := top(tx, bucketWorkshops)
		if err != nil {
			return err
		}
		if wsb.Get([]byte(id)) == nil {
			return &notFound{what: "workshop", ref: id}
		}
		b, err := items(tx, id, bucket)
		if err != nil {
			return err
		}
		for _, k := range keys {
			v := b.Get([]byte(k))
			if v == nil {
				continue
			}
			var item T
			if err := decode(v, &item); err != nil {
				return fmt.Errorf("%s %s of %s: %w", what, keyText([]byte(k)), id, err)
			}
			keep(k, item)
		}
		return nil
	})
}
