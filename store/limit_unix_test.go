//go:build unix

package store

import "syscall"

// limitMemory caps the process's address space (RLIMIT_AS), so an
// allocation without end fails in this process instead of the machine.
func limitMemory(bytes uint64) error {
	return syscall.Setrlimit(syscall.RLIMIT_AS, &syscall.Rlimit{Cur: bytes, Max: bytes})
}
