package ui

import (
	"os"

	tea "charm.land/bubbletea/v2"
	"golang.org/x/sys/unix"
)

// typedAhead reads the keys typed into the terminal before the program
// started, which the terminal has turned into complete lines in cooked
// mode, and returns them as key presses. It never waits: it reads only
// what the terminal reports as ready. A partial line stays for Bubble Tea,
// which reads it in raw mode as typed.
func typedAhead(f *os.File) []tea.Msg {
	fd := int(f.Fd())
	if _, err := unix.IoctlGetTermios(fd, unix.TCGETS); err != nil {
		return nil // not a terminal
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCINQ)
	if err != nil || n <= 0 {
		return nil
	}
	buf := make([]byte, 0, n)
	for len(buf) < n {
		ready, err := unix.Poll([]unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}}, 0)
		if err != nil || ready == 0 {
			break
		}
		chunk := make([]byte, n-len(buf))
		// In cooked mode a read returns one line at most.
		k, err := unix.Read(fd, chunk)
		if k <= 0 || err != nil {
			break
		}
		buf = append(buf, chunk[:k]...)
	}
	return aheadKeys(buf)
}
