package cli

import (
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// TestStartRunsNoChroma: no package of chroma (syntax highlighting, which
// glamour imports) is initialised when werkstatt starts: its lexers and
// styles cost about 12 ms and 4 MB before main on every command. Nor are
// bluemonday's CSS handlers, douceur and gorilla/css (bluemonday's
// stand-in, ui/bluemondaystub, has glamour's strict policy without them:
// about 70 regular expressions, 2.5 ms and 1 MB), and werkstatt/model
// parses its html template on first use, not at start. The Go runtime's
// own trace of package initialisation (GODEBUG=inittrace=1) names every
// package that runs init work, with its allocations.
func TestStartRunsNoChroma(t *testing.T) {
	t.Parallel()
	cmd := exec.Command(bin, "version")
	cmd.Env = append(env(t), "GODEBUG=inittrace=1")
	r := runCmd(t, cmd)
	if r.code != 0 || !strings.Contains(r.stderr, "init werkstatt/ui") {
		t.Fatalf("werkstatt version with inittrace:\n%s", r)
	}
	for line := range strings.Lines(r.stderr) {
		for _, pkg := range []string{"chroma", "regexp2", "bluemonday/css", "douceur", "gorilla/css"} {
			if strings.Contains(line, pkg) {
				t.Errorf("start runs the init of %s: %s", pkg, strings.TrimSpace(line))
			}
		}
		// init werkstatt/model @1.9 ms, 0.009 ms clock, 3136 bytes, 16 allocs
		if f := strings.Fields(line); len(f) == 11 && f[1] == "werkstatt/model" {
			if n, err := strconv.Atoi(f[9]); err != nil || n > 100 {
				t.Errorf("werkstatt/model's init makes %s allocations (the html template parsed at start?): %s", f[9], strings.TrimSpace(line))
			}
		}
	}
}
