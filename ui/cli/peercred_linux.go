package cli

import (
	"net"
	"os"

	"golang.org/x/sys/unix"
)

// peerIsUs reports whether the process at the other end of conn runs as
// this process's user (SO_PEERCRED), beside the socket's mode 0600.
func peerIsUs(conn net.Conn) bool {
	uc, ok := conn.(*net.UnixConn)
	if !ok {
		return false
	}
	raw, err := uc.SyscallConn()
	if err != nil {
		return false
	}
	var cred *unix.Ucred
	var cerr error
	err = raw.Control(func(fd uintptr) {
		cred, cerr = unix.GetsockoptUcred(int(fd), unix.SOL_SOCKET, unix.SO_PEERCRED)
	})
	return err == nil && cerr == nil && cred != nil && int(cred.Uid) == os.Getuid()
}
