//go:build !unix

package store

import "runtime/debug"

// limitMemory sets the garbage collector's soft limit where there is no
// RLIMIT_AS; the parent's timeout still ends a case that grows without end.
func limitMemory(bytes uint64) error {
	debug.SetMemoryLimit(int64(bytes))
	return nil
}
