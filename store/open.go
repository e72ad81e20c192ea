package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// Open opens or creates the database at path.
//
// A missing file is created (its folder with mode 0700, the file 0600). An
// existing file is first opened read-only and checked for werkstatt's meta
// bucket, so that a file of another program, an empty file or a damaged one
// is refused with an error wrapping ErrNotWerkstatt before bbolt could write
// a byte to it. A file of a newer schema is refused with ErrTooNew; an older
// one is backed up next to itself and migrated. A file whose mode lets
// others read it is restricted to 0600.
func Open(path string, opt *Options) (*Store, error) {
	var o Options
	if opt != nil {
		o = *opt
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist) && isLink(path):
		// A link to a missing file (an unmounted stick, say): creating a
		// database there would fail or hide the missing one.
		link, _ := os.Readlink(path)
		return nil, refuseKind(path, "it is a link to "+link+", which does not exist", KindDangling)
	case errors.Is(err, fs.ErrNotExist):
		if o.ReadOnly {
			return nil, fmt.Errorf("open database: %w", err)
		}
		s, err := create(path, o.Timeout)
		if err == nil {
			s.stamps = o.Stamps
			s.key, s.known, _ = stampOf(path)
		}
		return s, err
	case err != nil:
		return nil, fmt.Errorf("open database: %w", err)
	case fi.IsDir():
		return nil, refuse(path, "it is a directory", ErrFolder)
	case !fi.Mode().IsRegular():
		k := kindOfMode(fi.Mode())
		return nil, refuseKind(path, "it is a "+k.String()+", not a regular file", k)
	case fi.Size() == 0:
		// bbolt would silently turn an empty file into a database.
		return nil, refuse(path, "it is empty", ErrEmpty)
	}

	schema, err := verify(path, o.Timeout, o.Stamps)
	if err != nil {
		return nil, err
	}
	if schema > Schema {
		return nil, tooNew(path, schema)
	}
	if o.ReadOnly {
		return openReadOnly(path, schema, o)
	}
	return openWritable(path, fi, o)
}

// openReadOnly opens a verified database of the given schema read-only;
// an older schema is refused, since only a writer can migrate it.
func openReadOnly(path string, schema int, o Options) (*Store, error) {
	if schema < Schema {
		return nil, fmt.Errorf("database %s has schema %d and must be upgraded to schema %d: open it once without read-only",
			path, schema, Schema)
	}
	// The free list is loaded now, under openBolt's guard, so Check can
	// read page headers later (see readEveryPage).
	db, err := openBolt(path, &bolt.Options{ReadOnly: true, Timeout: o.Timeout, PreLoadFreelist: true})
	if err != nil {
		return nil, err
	}
	s := &Store{path: path, db: db, readOnly: true, stamps: o.Stamps}
	s.key, s.known, _ = stampOf(path)
	return s, nil
}

// openWritable opens a verified database (fi is its file) for writing:
// it migrates an older schema and restricts the file to its owner.
func openWritable(path string, fi fs.FileInfo, o Options) (*Store, error) {
	db, err := openBolt(path, &bolt.Options{Timeout: o.Timeout})
	if err != nil {
		return nil, err
	}
	s := &Store{path: path, db: db}
	if err := s.upgrade(); err != nil {
		_ = db.Close()
		return nil, err
	}
	if perm := fi.Mode().Perm(); perm&^fileMode != 0 {
		if err := os.Chmod(path, fileMode); err != nil {
			_ = db.Close()
			return nil, fmt.Errorf("restrict %s to its owner (mode %v): %w", path, perm, err)
		}
	}
	// Open's own writes (a migration, the mode) are werkstatt's: the
	// stamp after them is the one the first write compares with.
	s.stamps = o.Stamps
	s.key, s.known, _ = stampOf(path)
	return s, nil
}

// create makes a new database with the current layout. O_EXCL keeps it
// from initialising a file that another process created a moment ago.
func create(path string, timeout time.Duration) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), dirMode); err != nil {
		return nil, fmt.Errorf("create database folder: %w", err)
	}
	db, err := openBolt(path, &bolt.Options{
		Timeout: timeout,
		OpenFile: func(name string, flag int, mode os.FileMode) (*os.File, error) {
			return os.OpenFile(name, flag|os.O_EXCL, mode)
		},
	})
	if err != nil {
		return nil, err
	}
	s := &Store{path: path, db: db}
	if err := s.update(initLayout); err != nil {
		_ = db.Close()
		_ = os.Remove(path)
		return nil, fmt.Errorf("create database %s: %w", path, err)
	}
	return s, nil
}

// verify opens an existing file read-only and returns its schema, or an
// error saying why it is not a werkstatt database. It writes nothing.
func verify(path string, timeout time.Duration, stamps string) (schema int, err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = refuse(path, fmt.Sprintf("bbolt cannot read it: %v", r), ErrDamaged)
		}
	}()
	db, err := openBolt(path, &bolt.Options{ReadOnly: true, Timeout: timeout})
	if err != nil {
		return 0, err
	}
	defer db.Close()
	// bbolt has read the meta pages only. Before it follows a page
	// reference, the whole file is proven consistent (consistent.go), or
	// known unchanged since it was (stamp.go): bbolt trusts every page,
	// and one damaged page header made its next write allocate without end.
	if _, _, err := proveConsistent(path, stamps); err != nil {
		return 0, err
	}
	err = db.View(func(tx *bolt.Tx) error {
		// A truncated copy has valid meta pages that point past its end;
		// reading there would fault, so compare sizes before reading.
		fi, err := os.Stat(path)
		if err != nil {
			return err
		}
		if tx.Size() > fi.Size() {
			return refuse(path, fmt.Sprintf("it is cut off: %d of %d bytes", fi.Size(), tx.Size()), ErrCutOff)
		}
		schema, err = readMeta(tx)
		if err != nil {
			return fmt.Errorf("%s is %w", path, err)
		}
		return nil
	})
	return schema, err
}

// openBolt opens the file with bbolt and translates its errors into ours.
// A panic inside bbolt, which some damaged files cause, becomes an error.
func openBolt(path string, o *bolt.Options) (db *bolt.DB, err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			db, err = nil, refuse(path, fmt.Sprintf("bbolt cannot read it: %v", r), ErrDamaged)
		}
	}()
	db, err = bolt.Open(path, fileMode, o)
	switch {
	case err == nil:
		return db, nil
	case errors.Is(err, berrors.ErrTimeout):
		return nil, fmt.Errorf("database %s is %w", path, ErrInUse)
	case errors.Is(err, fs.ErrPermission), errors.Is(err, fs.ErrExist), errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("open database: %w", err)
	case errors.Is(err, berrors.ErrInvalid):
		return nil, refuse(path, "it is not a bbolt file", nil)
	case errors.Is(err, berrors.ErrVersionMismatch):
		return nil, refuse(path, "it is a bbolt file of another format version", nil)
	case errors.Is(err, berrors.ErrChecksum):
		return nil, refuse(path, "its header is damaged", ErrDamaged)
	}
	if strings.HasPrefix(err.Error(), "file size too small") {
		return nil, refuse(path, "it is too short to hold a database: cut off?", ErrCutOff)
	}
	return nil, refuse(path, "bbolt: "+err.Error(), nil)
}

// refused is the one-line error for a file that is no werkstatt database,
// saying why. It is ErrNotWerkstatt, and also kind (ErrEmpty, ErrCutOff, …)
// when the reason is one a user can act on, so the command line can give
// the advice that fits in the user's language.
type refused struct {
	path, why string
	kind      error
	fileKind  Kind // for ErrNotFile: what the path is instead
}

func (e *refused) Error() string {
	return fmt.Sprintf("%s is %v (%s)", e.path, ErrNotWerkstatt, e.why)
}

func (e *refused) Is(target error) bool {
	return target == ErrNotWerkstatt || (e.kind != nil && target == e.kind)
}

func refuse(path, why string, kind error) error { return &refused{path: path, why: why, kind: kind} }

// refuseKind refuses a path that is no regular file: ErrNotFile, and
// KindOf the error says what the path is.
func refuseKind(path, why string, k Kind) error {
	return &refused{path: path, why: why, kind: ErrNotFile, fileKind: k}
}

// isLink reports whether path itself is a symbolic link.
func isLink(path string) bool {
	fi, err := os.Lstat(path)
	return err == nil && fi.Mode()&fs.ModeSymlink != 0
}

// tooNew is the error for a file of a schema newer than this program's.
func tooNew(path string, schema int) error {
	return fmt.Errorf("database %s was %w (schema %d); this werkstatt reads up to schema %d",
		path, ErrTooNew, schema, Schema)
}

// upgrade checks the schema again under the write lock, and migrates an
// older file after writing a backup of it next to the file.
func (s *Store) upgrade() error {
	var schema int
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		schema, err = readMeta(tx)
		return err
	})
	switch {
	case err != nil:
		return fmt.Errorf("%s is %w", s.path, err)
	case schema > Schema:
		return tooNew(s.path, schema)
	case schema == Schema:
		return nil
	}
	bak := s.path + ".schema" + strconv.Itoa(schema) + "-" + time.Now().UTC().Format("20060102T150405") + ".bak"
	if err := s.Backup(bak); err != nil {
		return fmt.Errorf("back up %s before upgrading it from schema %d: %w", s.path, schema, err)
	}
	if err := s.update(func(tx *bolt.Tx) error { return migrate(tx, schema) }); err != nil {
		return fmt.Errorf("upgrade %s from schema %d to %d (a copy of the old file is in %s): %w",
			s.path, schema, Schema, bak, err)
	}
	return nil
}
