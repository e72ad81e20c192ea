//go:build unix

package store

import (
	"net"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// platformGuardCases are the kinds of file only Unix makes: a named pipe,
// a socket and devices. A device is made in the test's folder where the
// test may (as root); /dev/null and /dev/full are used as they are, where
// they exist.
func platformGuardCases() []guardCase {
	cases := []guardCase{
		{"named pipe", func(t *testing.T, dir, db string) string {
			p := filepath.Join(dir, "protokoll.md")
			if err := syscall.Mkfifo(p, 0o600); err != nil {
				t.Skipf("mkfifo: %v", err)
			}
			return p
		}, KindFIFO},
		{"socket", func(t *testing.T, dir, db string) string {
			p := filepath.Join(dir, "s.md")
			l, err := net.Listen("unix", p)
			if err != nil {
				t.Skipf("unix socket: %v", err)
			}
			t.Cleanup(func() { l.Close() })
			return p
		}, KindSocket},
		{"symlink to a named pipe", func(t *testing.T, dir, db string) string {
			p := filepath.Join(dir, "fifo")
			if err := syscall.Mkfifo(p, 0o600); err != nil {
				t.Skipf("mkfifo: %v", err)
			}
			return symlink(t, p, filepath.Join(dir, "protokoll.md"))
		}, KindFIFO},
		{"device made here", func(t *testing.T, dir, db string) string {
			p := filepath.Join(dir, "null.md")
			// Character device 1,3: what /dev/null is on Linux.
			if err := syscall.Mknod(p, syscall.S_IFCHR|0o600, 1<<8|3); err != nil {
				t.Skipf("mknod (needs root): %v", err)
			}
			return p
		}, KindDevice},
	}
	for _, dev := range []string{"/dev/null", "/dev/full"} {
		cases = append(cases, guardCase{dev, func(t *testing.T, dir, db string) string {
			if fi, err := os.Stat(dev); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
				t.Skipf("no device %s", dev)
			}
			return dev
		}, KindDevice})
	}
	return cases
}

// platformOpenCases are paths for Open that only Unix makes.
func platformOpenCases(t *testing.T, dir string) map[string]Kind {
	p := filepath.Join(dir, "fifo.db")
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Fatalf("mkfifo: %v", err)
	}
	cases := map[string]Kind{p: KindFIFO}
	if _, err := os.Stat("/dev/null"); err == nil {
		cases["/dev/null"] = KindDevice
	}
	return cases
}
