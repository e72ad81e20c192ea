package store

import (
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"strings"
)

// Check stamps. Proving a file consistent reads all of it: 2 ms for 10,000
// contributions, 30–60 ms for 100,000 (README, Reliability), which would
// double the start of werkstatt on a big database. So Open remembers, for a
// file it proved consistent, the file's stamp: its device and inode, size,
// modification and change times (nanoseconds) and a hash of its two meta
// pages, in a small record in a folder the caller names (Options.Stamps;
// the command line uses the user's cache folder). When the stamp is the
// same at the next Open, the file is the one that was proven, and the walk
// is skipped. Every write compares the stamp first and walks the file again
// when it changed; after each commit the store takes the new stamp, since a
// commit of bbolt on a consistent file leaves a consistent file; Close
// records it.
//
// What makes this safe: any change to the file through the file system,
// by any program, changes its change time (ctime), which no program can
// set back (utimes sets the modification time only, and sets the change
// time to now); replacing the file changes the inode; copying it elsewhere
// the device or inode. A crash in a session leaves the record of the
// session's start, which no longer matches, so the next start walks the
// file. What it cannot see: a change within the same tick of the file
// system's clock as werkstatt's own last commit (on Linux a few
// milliseconds; only a program writing the file while werkstatt has it
// open and locked could do that), and damage below the file system (a disk
// that flips bits), which a walk would find only where it breaks the
// structure. Where the system gives no inode and change time (Windows),
// there are no stamps: every Open walks the file.

// stampOf returns the stamp of the file at path: a key naming the file on
// this machine and a value that changes with its content, ok false when
// the system gives none.
func stampOf(path string) (key, value string, ok bool) {
	fi, err := os.Stat(path)
	if err != nil {
		return "", "", false
	}
	dev, ino, ctime, ok := fileIdentity(fi)
	if !ok {
		return "", "", false
	}
	f, err := os.Open(path)
	if err != nil {
		return "", "", false
	}
	defer f.Close()
	h := fnv.New64a()
	buf := make([]byte, pageHeaderSize+64)
	if n, _ := f.ReadAt(buf, 0); n == len(buf) {
		_, _ = h.Write(buf)
		if m, err := decodeMeta(buf, 0); err == nil && m.pageSize <= 1<<16 {
			if n, _ := f.ReadAt(buf, int64(m.pageSize)); n == len(buf) {
				_, _ = h.Write(buf)
			}
		}
	}
	key = fmt.Sprintf("%x-%x", dev, ino)
	value = fmt.Sprintf("v1 %d %d %d %x", fi.Size(), fi.ModTime().UnixNano(), ctime, h.Sum64())
	return key, value, true
}

// stamped reports whether the record in dir says the file of key was
// proven consistent with the stamp value.
func stamped(dir, key, value string) bool {
	if dir == "" {
		return false
	}
	b, err := os.ReadFile(filepath.Join(dir, key))
	return err == nil && strings.TrimSpace(string(b)) == value
}

// recordStamp writes the record for key. The record is a cache: an error
// only means the next Open walks the file again.
func recordStamp(dir, key, value string) {
	if dir == "" || key == "" {
		return
	}
	if err := os.MkdirAll(dir, dirMode); err != nil {
		return
	}
	tmp, err := os.CreateTemp(dir, "."+key+".tmp-*")
	if err != nil {
		return
	}
	_, werr := tmp.WriteString(value + "\n")
	cerr := tmp.Close()
	if werr != nil || cerr != nil || os.Rename(tmp.Name(), filepath.Join(dir, key)) != nil {
		_ = os.Remove(tmp.Name())
	}
}

// proveConsistent walks the file at path unless its stamp is recorded in
// dir, and records the stamp after a clean walk. It returns the stamp.
func proveConsistent(path, dir string) (key, value string, err error) {
	key, value, ok := stampOf(path)
	if ok && stamped(dir, key, value) {
		return key, value, nil
	}
	checkRuns.Add(1)
	if err := checkFile(path); err != nil {
		if errors.Is(err, errCutOff) {
			return "", "", refuse(path, "it is "+err.Error(), ErrCutOff)
		}
		return "", "", refuse(path, err.Error(), ErrDamaged)
	}
	if ok {
		recordStamp(dir, key, value)
	}
	return key, value, nil
}
