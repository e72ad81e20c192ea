//go:build linux

package cli

import (
	"bytes"
	"io"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"werkstatt/model/demo"
)

// TestExportDOCXNotToTerminal: a Word document is not written onto a
// terminal; werkstatt asks for -o, exit 2, nothing binary on the screen.
func TestExportDOCXNotToTerminal(t *testing.T) {
	t.Parallel()
	e := env(t, "LANG=de_DE.UTF-8")
	db := exportDemo(t, e)
	master, slave, err := openPTY(80, 24)
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer master.Close()
	cmd := exec.Command(bin, "export", demo.Handle, "--format", "docx", "--db", filepath.Clean(db))
	cmd.Env = e
	cmd.Stdout = slave
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err = cmd.Run()
	slave.Close()
	screen, _ := io.ReadAll(master)
	ee, ok := err.(*exec.ExitError)
	if !ok || ee.ExitCode() != 2 {
		t.Fatalf("exit %v, stderr %q", err, stderr.String())
	}
	if !strings.Contains(stderr.String(), "mit -o DATEI.docx schreiben") {
		t.Errorf("stderr %q", stderr.String())
	}
	if bytes.Contains(screen, []byte("PK")) {
		t.Errorf("zip bytes on the terminal: %q", screen)
	}
}
