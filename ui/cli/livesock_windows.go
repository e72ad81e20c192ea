package cli

import (
	"fmt"
	"net"
	"os"
)

// listenPrivate listens on a Unix socket at path (Windows 10 and later
// have them). Windows has no file modes: what keeps other users out is
// the folder of the database, which is the user's own (%LocalAppData%).
// A socket already at path is one a killed werkstatt left (the caller
// holds the database's lock) and is replaced; anything else is left alone.
func listenPrivate(path string) (*net.UnixListener, os.FileInfo, error) {
	if fi, err := os.Lstat(path); err == nil {
		if fi.Mode()&os.ModeSocket == 0 {
			return nil, nil, fmt.Errorf("%s %w", path, errNotSocket)
		}
		_ = os.Remove(path)
	}
	ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: path, Net: "unix"})
	if err != nil {
		return nil, nil, err
	}
	ln.SetUnlinkOnClose(false)
	fi, err := os.Lstat(path)
	if err != nil {
		_ = ln.Close()
		return nil, nil, err
	}
	return ln, fi, nil
}
