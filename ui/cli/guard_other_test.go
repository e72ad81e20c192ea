//go:build !unix

package cli

// Named pipes and devices are Unix cases.
func platformOutCases() []outCase { return nil }
func platformDBCases() []outCase  { return nil }
