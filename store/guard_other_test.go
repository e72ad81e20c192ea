//go:build !unix

package store

// platformGuardCases: named pipes, sockets and devices are Unix cases.
func platformGuardCases() []guardCase { return nil }
