//go:build linux || darwin

package cli

import (
	"net"
	"os"
)

// peerIsUs reports whether the process at the other end of conn runs as
// this process's user (peerUID asks the system: SO_PEERCRED on Linux,
// LOCAL_PEERCRED on macOS), beside the socket's mode 0600.
func peerIsUs(conn net.Conn) bool {
	uc, ok := conn.(*net.UnixConn)
	if !ok {
		return false
	}
	raw, err := uc.SyscallConn()
	if err != nil {
		return false
	}
	var uid int
	var cerr error
	err = raw.Control(func(fd uintptr) { uid, cerr = peerUID(fd) })
	return err == nil && cerr == nil && uid == os.Getuid()
}
