package cli

import (
	"net"
	"os"

	"golang.org/x/sys/unix"
)

// peerIsUs reports whether the process at the other end of conn runs as
// this process's user (LOCAL_PEERCRED), beside the socket's mode 0600.
func peerIsUs(conn net.Conn) bool {
	uc, ok := conn.(*net.UnixConn)
	if !ok {
		return false
	}
	raw, err := uc.SyscallConn()
	if err != nil {
		return false
	}
	var cred *unix.Xucred
	var cerr error
	err = raw.Control(func(fd uintptr) {
		cred, cerr = unix.GetsockoptXucred(int(fd), unix.SOL_LOCAL, unix.LOCAL_PEERCRED)
	})
	return err == nil && cerr == nil && cred != nil && int(cred.Uid) == os.Getuid()
}
