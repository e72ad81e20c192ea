//go:build !unix

package store

import "testing"

// platformGuardCases: named pipes, sockets and devices are Unix cases.
func platformGuardCases() []guardCase { return nil }

func platformOpenCases(t *testing.T, dir string) map[string]Kind { return nil }
