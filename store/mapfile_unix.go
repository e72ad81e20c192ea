//go:build unix

package store

import (
	"os"
	"syscall"
)

// mapFile maps the file at path read-only into memory and returns its
// bytes and how to unmap them. Reading a mapped page costs no copy, so
// checking a file of 50 MB touches it once. A read past the end of a file
// that shrinks meanwhile faults; the caller reads under SetPanicOnFault.
func mapFile(f *os.File, size int64) ([]byte, func(), error) {
	if size == 0 {
		return nil, func() {}, nil
	}
	b, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED|mapPopulate)
	if err != nil {
		return nil, nil, err
	}
	return b, func() { _ = syscall.Munmap(b) }, nil
}
