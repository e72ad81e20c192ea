package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"werkstatt/model"
)

// The phones' ballots (model.Ballot: one phone's dots in one phase's vote)
// live in a bucket of their own under w/<id>, made with the first ballot
// like the photos' buckets, so files written before phones existed read
// unchanged and need no migration:
//
//	w/<workshop id>/ballots/  <phase>-<device> = value(model.Ballot)
var bucketBallots = []byte("ballots")

// readBallots reads the ballots of workshop id; nil when it has none.
func readBallots(tx *bolt.Tx, id string) ([]model.Ballot, error) {
	b, err := optional(tx, id, bucketBallots)
	if err != nil || b == nil {
		return nil, err
	}
	list, err := readAll[model.Ballot](b)
	if err != nil {
		return nil, fmt.Errorf("ballots of %s: %w", id, err)
	}
	if len(list) == 0 {
		return nil, nil
	}
	return list, nil
}

// putBallots writes the ballot part of a change.
func putBallots(tx *bolt.Tx, id string, ch model.Change) error {
	if len(ch.Ballots)+len(ch.DeleteBallots) == 0 {
		return nil
	}
	b, err := created(tx, id, bucketBallots)
	if err != nil {
		return err
	}
	if _, err := putAll(b, ch.Ballots, func(x model.Ballot) string { return x.ID }); err != nil {
		return fmt.Errorf("ballot: %w", err)
	}
	if _, err := deleteAll(b, ch.DeleteBallots); err != nil {
		return fmt.Errorf("ballot: %w", err)
	}
	return nil
}
