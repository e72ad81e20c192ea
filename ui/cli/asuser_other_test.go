//go:build !unix

package cli

import (
	"os/exec"
	"testing"
)

// asUser would make cmd run as another user; runAs calls it only for a
// test run as root (effective uid 0), which Windows does not have.
func asUser(t *testing.T, cmd *exec.Cmd, uid uint32) {
	t.Helper()
	t.Skipf("running werkstatt as user %d needs a Unix system", uid)
}
