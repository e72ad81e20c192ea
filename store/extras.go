package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"werkstatt/model"
)

// The Konsensieren rows and a Bürgerforum's recommendations live in
// buckets of their own under w/<id>, made when the first one is written,
// as the photos' are: a file written before they existed has neither and
// reads unchanged, without a migration or a new schema.
var (
	bucketResistances     = []byte("resistances")
	bucketRecommendations = []byte("recommendations")
)

// readExtras reads the resistances and recommendations of workshop id
// into snap; nil when it has none.
func readExtras(tx *bolt.Tx, id string, snap *model.Snapshot) error {
	var err error
	if snap.Resistances, err = readOptional[model.Resistance](tx, id, bucketResistances); err != nil {
		return err
	}
	snap.Recommendations, err = readOptional[model.Recommendation](tx, id, bucketRecommendations)
	return err
}

func readOptional[T any](tx *bolt.Tx, id string, name []byte) ([]T, error) {
	b, err := optional(tx, id, name)
	if err != nil || b == nil {
		return nil, err
	}
	list, err := readAll[T](b)
	if err != nil {
		return nil, fmt.Errorf("%s of %s: %w", name, id, err)
	}
	if len(list) == 0 {
		return nil, nil
	}
	return list, nil
}

// putExtras writes the resistances and recommendations of a change.
func putExtras(tx *bolt.Tx, id string, ch model.Change) error {
	if err := putOptional(tx, id, bucketResistances, ch.Resistances, ch.DeleteResistances,
		func(r model.Resistance) string { return r.ID }); err != nil {
		return err
	}
	return putOptional(tx, id, bucketRecommendations, ch.Recommendations, ch.DeleteRecommendations,
		func(r model.Recommendation) string { return r.ID })
}

func putOptional[T any](tx *bolt.Tx, id string, name []byte, puts []T, dels []string, key func(T) string) error {
	if len(puts) == 0 && len(dels) == 0 {
		return nil
	}
	var b *bolt.Bucket
	var err error
	if len(puts) == 0 {
		// Deleting from a bucket that is not there deletes nothing.
		if b, err = optional(tx, id, name); err != nil || b == nil {
			return err
		}
	} else if b, err = created(tx, id, name); err != nil {
		return err
	}
	if _, err := putAll(b, puts, key); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if _, err := deleteAll(b, dels); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}
