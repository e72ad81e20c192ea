// Package store keeps werkstatt's workshops in one bbolt file, so that every
// card a facilitator types is on disk before the next one is written, with
// no server and no network.
//
// # Layout
//
// Buckets and keys, drawn as a tree (schema 2):
//
//	meta/                      what this file is
//	    format   = "werkstatt"   text; another program's bbolt file lacks it
//	    schema   = "2"           decimal text; see Schema and migrate.go
//	workshops/                 one entry per workshop
//	    <workshop id> = value(model.Workshop)
//	handles/                   index handle → id, unique handles (new in schema 2)
//	    <handle> = <workshop id>
//	w/                         the contributions, one nested bucket per workshop
//	    <workshop id>/
//	        ncards       = "<n>"         decimal text, the number of cards; kept by
//	                                     every write of cards, counted where absent
//	        cards/       <card id>     = value(model.Card)
//	        themes/      <theme id>    = value(model.Theme)
//	        reversals/   <reversal id> = value(model.Reversal)
//	        measures/    <measure id>  = value(model.Measure)
//	        photos/      <photo id>    = value(model.Photo)   the metadata; made with the first photo
//	        photofiles/  <photo id>    = the JPEG or PNG bytes as added, not a value:
//	                                     no encoding byte, read only by PhotoFile and
//	                                     SnapshotWithPhotos, never by Snapshot
//	        ballots/     <phase>-<device> = value(model.Ballot)  a phone's dots; made with the first
//
// Keys are the items' ids as their bytes. model.NewID makes ids of 26
// characters of Crockford base32 that begin with the time they were made,
// so bbolt's byte order of the keys is the order the items were created in,
// and a cursor walk returns a phase's cards as they were written.
//
// A value is one encoding byte followed by the body. Encoding 1 (the only
// one) is the JSON of the model struct, as encoding/json writes it: JSON
// because the model's fields carry JSON tags for the archive anyway, and
// because a new optional field then needs no migration. A value with an
// unknown encoding byte is refused rather than guessed at.
//
// The workshop itself is kept apart from its contributions, so saving a card
// writes one small value and never rewrites the workshop.
//
// # Durability and safety
//
// Every mutation is one bbolt read-write transaction, committed with fsync
// before the call returns; there is no NoSync and no batching. Open takes
// bbolt's file lock with a timeout, so a second werkstatt on the same file
// gets ErrInUse instead of hanging. A file that is not a werkstatt database
// is recognised before anything is written to it (see open.go) and left
// exactly as it was.
//
// # Damaged files
//
// bbolt trusts every page it reads: a damaged page header made a write
// allocate without end, a page referenced twice made writes spread the
// damage, a cycle of pages made a cursor loop. So before bbolt follows a
// single page reference, Open proves the whole file consistent with an own
// bounded walk over its bytes (consistent.go, on the format reader of
// boltfile.go), and refuses a file that fails with an error that is
// ErrDamaged (or ErrCutOff), leaving it as it was. The walk reads the whole
// file; with Options.Stamps, Open records the stamp of a file it proved
// (inode, size, modification and change times, meta pages) and skips the
// walk while the stamp is unchanged, and every write walks again when the
// file changed under the store (stamp.go says why that is safe, and what
// it cannot see). A value that cannot be decoded is an error that is
// ErrDamaged too, and never quotes the value's bytes. Rescue (rescue.go)
// copies what can still be read from a damaged file into a new database,
// reading the damaged file with the same format reader, page by page and
// value by value, never with bbolt.
package store

import (
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Errors callers can test for with errors.Is.
var (
	ErrNotFound     = errors.New("not found")
	ErrInUse        = errors.New("in use by another werkstatt process")
	ErrNotWerkstatt = errors.New("not a werkstatt database")
	ErrTooNew       = errors.New("written by a newer werkstatt")

	// Why a file was refused, where the user can do something about it;
	// an error that is one of these is ErrNotWerkstatt too (except
	// ErrDamaged from a read of an open database).
	ErrFolder  = errors.New("a folder, not a file")
	ErrEmpty   = errors.New("an empty file")
	ErrCutOff  = errors.New("a cut-off file")
	ErrDamaged = errors.New("a damaged file")
	// ErrNotFile: neither a regular file nor a folder nor a new name, but
	// a device, a named pipe, a socket or a link to nothing; KindOf says
	// which.
	ErrNotFile = errors.New("not a regular file")
)

// DefaultTimeout is how long Open waits for another process's lock when
// Options.Timeout is 0: long enough to ride out a werkstatt that is just
// closing, short enough that nobody thinks the program hangs.
const DefaultTimeout = time.Second

// Options tune Open.
type Options struct {
	Timeout  time.Duration // how long to wait for another process's lock; 0 means the default, 1s
	ReadOnly bool
	// Stamps is a folder where Open records the files it proved
	// consistent, so that it need not read a file again that has not
	// changed since (see stamp.go); "" proves every file at every Open.
	Stamps string
}

// Store is an open werkstatt database. Its methods are safe for concurrent
// use, as bbolt's transactions are.
type Store struct {
	path     string
	db       *bolt.DB
	readOnly bool

	// The check stamp (stamp.go): the folder of records, "" for none, the
	// file's key and its stamp as werkstatt last proved or wrote it.
	stamps string
	mu     sync.Mutex // guards known
	key    string
	known  string

	commits atomic.Uint64 // read-write transactions committed
}

// Commits is how many read-write transactions this store committed (each
// one fsync), e.g. to see that writes were grouped.
func (s *Store) Commits() uint64 { return s.commits.Load() }

// Close closes the database and releases its lock.
func (s *Store) Close() error {
	if s == nil || s.db == nil {
		return nil
	}
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close %s: %w", s.path, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stamps != "" && s.known != "" {
		// The file is as this store left it: proven at Open, changed
		// since only by its own commits.
		if key, value, ok := stampOf(s.path); ok && key == s.key && value == s.known && !stamped(s.stamps, key, value) {
			recordStamp(s.stamps, key, value)
		}
	}
	return nil
}

// Path returns the file's path.
func (s *Store) Path() string { return s.path }

// ReadOnly reports whether the store was opened read-only.
func (s *Store) ReadOnly() bool { return s.readOnly }

// notFound is the error for an unknown workshop or item. Its text names
// what was looked for, as a user typed it; errors.Is matches ErrNotFound.
type notFound struct {
	what, ref string
}

func (e *notFound) Error() string        { return fmt.Sprintf("no %s %q", e.what, e.ref) }
func (e *notFound) Is(target error) bool { return target == ErrNotFound }

// damaged turns a panic inside bbolt, which a corrupt file can cause, into
// an error that names the file. SetPanicOnFault makes a read past the end of
// a truncated, memory-mapped file a panic instead of a crash of the process.
func (s *Store) guard(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("database %s is %w (%v); restore a backup", s.path, ErrDamaged, r)
	}
}

// view runs fn in a read transaction, turning bbolt panics into errors.
func (s *Store) view(fn func(tx *bolt.Tx) error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer s.guard(&err)
	return s.db.View(fn)
}

// update runs fn in one read-write transaction that is committed with
// fsync before update returns, or rolled back entirely when fn fails.
func (s *Store) update(fn func(tx *bolt.Tx) error) (err error) {
	if s.readOnly {
		return fmt.Errorf("database %s is open read-only", s.path)
	}
	if s.stamps != "" {
		s.mu.Lock()
		defer s.mu.Unlock()
		// Another program may have written the file since this store
		// proved or last wrote it (bbolt's lock binds werkstatt and bbolt
		// tools only): then it is proven again before bbolt writes.
		if key, value, ok := stampOf(s.path); !ok || key != s.key || value != s.known {
			if _, _, err := proveConsistent(s.path, ""); err != nil {
				return err
			}
		}
		defer func() { s.key, s.known, _ = stampOf(s.path) }()
	}
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer s.guard(&err)
	if err := s.db.Update(fn); err != nil {
		return err
	}
	s.commits.Add(1)
	return nil
}

// fileMode is the mode of the database and its backups: the cards may name
// people, so only the owner reads them.
const fileMode os.FileMode = 0o600

// dirMode is the mode of a folder Open creates for the database.
const dirMode os.FileMode = 0o700
