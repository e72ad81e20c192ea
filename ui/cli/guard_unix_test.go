//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// platformOutCases are the output paths only Unix makes: a named pipe and
// a device. As root the device is made in the test's folder (the real
// /dev/null and /dev/full are never offered to a possibly unguarded
// build); otherwise /dev/null, where only the guard stands between the
// command and a changed folder /dev.
func platformOutCases() []outCase {
	return []outCase{
		{"a named pipe", func(t *testing.T, dir, db string) string {
			return fifo(t, filepath.Join(dir, "protokoll.md"))
		}, "is a named pipe (FIFO), not a file", "ist eine benannte Pipe (FIFO), keine Datei"},
		{"a device", func(t *testing.T, dir, db string) string {
			return device(t, dir)
		}, "is a device, not a file", "ist ein Gerät, keine Datei"},
	}
}

// platformDBCases are --db paths only Unix makes.
func platformDBCases() []outCase {
	return []outCase{
		{"named pipe", func(t *testing.T, dir, _ string) string {
			return fifo(t, filepath.Join(dir, "w.db"))
		}, "is a named pipe (FIFO), not a werkstatt database", "ist eine benannte Pipe (FIFO), keine werkstatt-Datenbank"},
		{"/dev/null", func(t *testing.T, dir, _ string) string {
			if _, err := os.Stat("/dev/null"); err != nil {
				t.Skip("no /dev/null")
			}
			return "/dev/null"
		}, "is a device, not a werkstatt database", "ist ein Gerät, keine werkstatt-Datenbank"},
	}
}

func fifo(t *testing.T, p string) string {
	t.Helper()
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	return p
}

func device(t *testing.T, dir string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		if _, err := os.Stat("/dev/null"); err != nil {
			t.Skip("no /dev/null")
		}
		return "/dev/null"
	}
	p := filepath.Join(dir, "null.md")
	// Character device 1,3: what /dev/null is on Linux.
	if err := syscall.Mknod(p, syscall.S_IFCHR|0o600, 1<<8|3); err != nil {
		t.Skipf("mknod: %v", err)
	}
	return p
}
