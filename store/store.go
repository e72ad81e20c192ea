// Package store keeps werkstatt's workshops in a bbolt file.
//
// This file is the API the rest of the program codes against; the
// implementation replaces the bodies.
package store

import (
	"errors"
	"time"

	"werkstatt/model"
)

// Errors callers can test for with errors.Is.
var (
	ErrNotFound     = errors.New("not found")
	ErrInUse        = errors.New("in use by another werkstatt process")
	ErrNotWerkstatt = errors.New("not a werkstatt database")
	ErrTooNew       = errors.New("written by a newer werkstatt")
)

var errTODO = errors.New("store: not implemented yet")

// Options tune Open.
type Options struct {
	Timeout  time.Duration // how long to wait for another process's lock; 0 means the default, 1s
	ReadOnly bool
}

// Store is an open werkstatt database.
type Store struct{ path string }

// Open opens or creates the database at path.
func Open(path string, opt *Options) (*Store, error) { return nil, errTODO }

// Close closes the database.
func (s *Store) Close() error { return nil }

// Path returns the file's path.
func (s *Store) Path() string { return s.path }

// CreateWorkshop stores a new workshop. It fills in ID, a unique Handle
// derived from the title (unless w.Handle is set and free), Created and
// Updated.
func (s *Store) CreateWorkshop(w *model.Workshop) error { return errTODO }

// Workshop finds a workshop by handle or id.
func (s *Store) Workshop(ref string) (model.Workshop, error) { return model.Workshop{}, errTODO }

// Workshops lists all workshops with their number of cards, newest first by date.
func (s *Store) Workshops() ([]model.Summary, error) { return nil, errTODO }

// Snapshot loads everything of one workshop, items in creation order.
func (s *Store) Snapshot(id string) (model.Snapshot, error) { return model.Snapshot{}, errTODO }

// Apply writes a change to workshop id in one durable transaction.
func (s *Store) Apply(id string, ch model.Change) error { return errTODO }

// DeleteWorkshop removes a workshop and everything in it.
func (s *Store) DeleteWorkshop(id string) error { return errTODO }

// Import creates the snapshot's workshop or merges it into the one with the
// same id, in one transaction.
func (s *Store) Import(snap model.Snapshot) (model.MergeReport, error) {
	return model.MergeReport{}, errTODO
}

// Backup writes a consistent copy of the open database to path.
func (s *Store) Backup(path string) error { return errTODO }

// Check runs bbolt's consistency check.
func (s *Store) Check() error { return errTODO }
