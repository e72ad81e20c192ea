package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"

	bolt "go.etcd.io/bbolt"
)

// Backup writes a consistent copy of the open database to path while it
// stays open: bbolt copies the file as a read transaction sees it, so
// writes made meanwhile are either wholly in the copy or not at all. The
// copy goes to a temporary file in path's folder, is synced and then
// renamed, so path holds either its old content or the whole copy, with
// mode 0600. GuardOutput decides what path may be: never the open
// database however spelled, nor any other database file (an older backup
// is kept, not replaced), nor a folder, device, pipe or socket.
func (s *Store) Backup(path string) error {
	if path == "" {
		return errors.New("backup: no file given")
	}
	err := writeAtomic(path, []string{s.path}, func(f *os.File) error {
		return s.view(func(tx *bolt.Tx) error {
			_, err := tx.WriteTo(f)
			return err
		})
	})
	if err != nil {
		return fmt.Errorf("backup %s to %s: %w", s.path, path, err)
	}
	return nil
}

// WriteFile writes data to path the way Backup writes its copy: through a
// synced temporary file in the same folder that is then renamed, so path
// holds its old content or all of data, never a part, and with mode 0600,
// since exports of a workshop name people. Like every writer here it
// refuses what GuardOutput refuses, with the files in protect (the open
// database) among them; a database file is refused even without it.
func WriteFile(path string, data []byte, protect ...string) error {
	return writeAtomic(path, protect, func(f *os.File) error {
		_, err := f.Write(data)
		return err
	})
}

// writeAtomic asks GuardOutput where path leads, creates a private
// temporary file next to that, lets fill write it, syncs it, asks
// GuardOutput again (fill may take long, and the path may have changed
// meanwhile), renames it onto the target and syncs the folder, so the
// rename survives a crash too. A refused path is left untouched and no
// temporary file is left behind.
func writeAtomic(path string, protect []string, fill func(*os.File) error) error {
	target, err := GuardOutput(path, protect...)
	if err != nil {
		return err
	}
	dir := filepath.Dir(target)
	tmp, err := os.CreateTemp(dir, tempPattern(filepath.Base(target)))
	if err != nil {
		return err
	}
	done := false
	defer func() {
		if !done {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if err := tmp.Chmod(fileMode); err != nil {
		return err
	}
	if err := fill(tmp); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("sync %s: %w", tmp.Name(), err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("close %s: %w", tmp.Name(), err)
	}
	if again, err := GuardOutput(target, protect...); err != nil {
		return err
	} else if again != target {
		return fmt.Errorf("%s changed while it was written; nothing was replaced", path)
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return err
	}
	done = true
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
	return nil
}

// Check proves the open file consistent: werkstatt's own walk over the
// file's bytes (consistent.go), then bbolt's Tx.Check, and returns the
// first problem either finds. It holds the write lock meanwhile (in a
// transaction it rolls back), since both read the free-page list that a
// concurrent writer would change.
func (s *Store) Check() (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer s.guard(&err)
	tx, err := s.db.Begin(!s.readOnly)
	if err != nil {
		return fmt.Errorf("check %s: %w", s.path, err)
	}
	defer func() { _ = tx.Rollback() }()
	// bbolt checks in a goroutine of its own, where a damaged page's
	// fault or panic cannot be recovered and ends the process, and it
	// follows a cycle of pages without end. The own walk reads every
	// page first, bounded, and stops at the first damage.
	if err := checkFile(s.path); err != nil {
		return fmt.Errorf("check %s: %w", s.path, err)
	}
	var first error
	n := 0
	for e := range tx.Check() {
		// Drain the channel: the check runs in its own goroutine and must
		// finish before the transaction ends.
		if first == nil {
			first = e
		}
		n++
	}
	if first != nil {
		return fmt.Errorf("check %s: %d problem(s), the first: %w", s.path, n, first)
	}
	return nil
}
