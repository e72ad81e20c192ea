package store

import (
	"fmt"
	"strconv"

	bolt "go.etcd.io/bbolt"

	"werkstatt/model"
)

// migrations[n] upgrades a file from schema n to schema n+1. Open runs the
// steps from the file's schema up to Schema in one transaction, after it
// has written a backup of the file next to it, so an upgrade either
// happens completely or not at all, and the old file can be had back.
//
// Schema 1 (the first werkstatt) had the same buckets as schema 2 except
// handles/: a workshop's handle lived only in its value, lookups by handle
// scanned every workshop, and nothing kept two workshops from sharing a
// handle. Schema 2 adds the index, which makes handles unique.
var migrations = map[int]func(tx *bolt.Tx) error{
	1: indexHandles,
}

// migrate runs the steps from schema from up to Schema inside tx and
// records the new schema in meta.
func migrate(tx *bolt.Tx, from int) error {
	for v := from; v < Schema; v++ {
		step, ok := migrations[v]
		if !ok {
			return fmt.Errorf("no upgrade from schema %d", v)
		}
		if err := step(tx); err != nil {
			return fmt.Errorf("schema %d to %d: %w", v, v+1, err)
		}
	}
	return tx.Bucket(bucketMeta).Put(keySchema, []byte(strconv.Itoa(Schema)))
}

// indexHandles builds handles/ from the workshops (schema 1 → 2). Walking
// the workshops in key order, which is creation order, the first workshop
// keeps a shared handle; a later one gets a numbered handle, and a missing
// or malformed one is made from the title, and its value is rewritten.
func indexHandles(tx *bolt.Tx) error {
	hb, err := tx.CreateBucketIfNotExists(bucketHandles)
	if err != nil {
		return err
	}
	wsb, err := top(tx, bucketWorkshops)
	if err != nil {
		return err
	}
	var all []model.Workshop
	err = wsb.ForEach(func(k, v []byte) error {
		var w model.Workshop
		if err := decode(v, &w); err != nil {
			return fmt.Errorf("workshop %s: %w", keyText(k), err)
		}
		w.ID = string(k)
		all = append(all, w)
		return nil
	})
	if err != nil {
		return err
	}
	for _, w := range all {
		h := freeHandle(hb, w.Handle, w.Title)
		if err := hb.Put([]byte(h), []byte(w.ID)); err != nil {
			return fmt.Errorf("handle %q: %w", h, err)
		}
		if h == w.Handle {
			continue
		}
		w.Handle = h
		v, err := encode(w)
		if err != nil {
			return err
		}
		if err := wsb.Put([]byte(w.ID), v); err != nil {
			return err
		}
	}
	return nil
}
