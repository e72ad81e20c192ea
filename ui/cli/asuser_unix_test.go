//go:build unix

package cli

import (
	"os/exec"
	"syscall"
	"testing"
)

// asUser makes cmd run as the user and group uid.
func asUser(t *testing.T, cmd *exec.Cmd, uid uint32) {
	t.Helper()
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uid, Gid: uid}}
}
