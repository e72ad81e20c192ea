//go:build !windows

package cli

import (
	"fmt"
	"net"
	"os"
)

// listenPrivate listens on a Unix socket at path that only this user may
// connect to: it is made under a name of its own, given mode 0600 and only
// then renamed to path, so there is no moment at which path is a socket
// another user may open. A socket already at path is one a killed werkstatt
// left (the caller holds the database's lock) and is replaced; anything
// else at path is left alone and refused.
func listenPrivate(path string) (*net.UnixListener, os.FileInfo, error) {
	if fi, err := os.Lstat(path); err == nil && fi.Mode()&os.ModeSocket == 0 {
		return nil, nil, fmt.Errorf("%s %w", path, errNotSocket)
	}
	tmp := fmt.Sprintf("%s.%d", path, os.Getpid())
	if fi, err := os.Lstat(tmp); err == nil {
		if fi.Mode()&os.ModeSocket == 0 {
			return nil, nil, fmt.Errorf("%s %w", tmp, errNotSocket)
		}
		_ = os.Remove(tmp)
	}
	ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: tmp, Net: "unix"})
	if err != nil {
		return nil, nil, err
	}
	ln.SetUnlinkOnClose(false)
	fail := func(err error) (*net.UnixListener, os.FileInfo, error) {
		_ = ln.Close()
		_ = os.Remove(tmp)
		return nil, nil, err
	}
	if err := os.Chmod(tmp, 0o600); err != nil {
		return fail(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fail(err)
	}
	fi, err := os.Lstat(path)
	if err != nil {
		_ = ln.Close()
		return nil, nil, err
	}
	return ln, fi, nil
}
