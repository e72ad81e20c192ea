package cli

import (
	"os/exec"
	"strings"
	"testing"
)

// TestStartRunsNoChroma: no package of chroma (syntax highlighting, which
// glamour imports) is initialised when werkstatt starts: its lexers and
// styles cost about 12 ms and 4 MB before main on every command. The Go
// runtime's own trace of package initialisation (GODEBUG=inittrace=1)
// names every package that runs init work.
func TestStartRunsNoChroma(t *testing.T) {
	t.Parallel()
	cmd := exec.Command(bin, "version")
	cmd.Env = append(env(t), "GODEBUG=inittrace=1")
	r := runCmd(t, cmd)
	if r.code != 0 || !strings.Contains(r.stderr, "init werkstatt/ui") {
		t.Fatalf("werkstatt version with inittrace:\n%s", r)
	}
	for line := range strings.Lines(r.stderr) {
		if strings.Contains(line, "chroma") || strings.Contains(line, "regexp2") {
			t.Errorf("start runs chroma's init: %s", strings.TrimSpace(line))
		}
	}
}
