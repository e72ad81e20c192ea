package cli

import (
	"os/exec"
	"strings"
	"testing"
)

// TestBinaryLinksNoTestTooling: the werkstatt binary carries none of the
// test drivers, hidden commands, the fixture generator or the load tests'
// phones (they live in _test.go files, werkstatt/store/fixture and
// werkstatt/ui/phone/phonetest), and no testing packages: its symbol table
// (go tool nm) names none of them, its module list (go version -m) has no
// test-only module, and a hidden command is unknown.
func TestBinaryLinksNoTestTooling(t *testing.T) {
	t.Parallel()
	nm, err := exec.Command("go", "tool", "nm", bin).Output()
	if err != nil {
		t.Fatalf("go tool nm: %v", err)
	}
	banned := []string{
		" werkstatt/store/fixture",       // the fixture and its generator
		" werkstatt/ui/phone/phonetest.", // the phones of the load tests
		".cmdFeed", ".cmdHold", ".cmdPanic", ".cmdLive", ".cmdFixture", "cli.teaDriver", "cli.feedStore", "cli.panicking",
		"werkstatt/ui.Feed", "werkstatt/ui.RunPanicking", "werkstatt/ui.isTimer", "werkstatt/ui.sequence", "werkstatt/ui.newDriver",
		" testing.", " github.com/charmbracelet/x/exp/golden.",
	}
	for line := range strings.Lines(string(nm)) {
		for _, b := range banned {
			if strings.Contains(line, b) {
				t.Errorf("the binary links test tooling: %s", strings.TrimSpace(line))
			}
		}
	}
	mods, err := exec.Command("go", "version", "-m", bin).Output()
	if err != nil {
		t.Fatalf("go version -m: %v", err)
	}
	if strings.Contains(string(mods), "x/exp/golden") {
		t.Errorf("the binary depends on the golden-file module:\n%s", mods)
	}
	for _, hiddenCmd := range []string{"_feed", "_hold", "_panic", "_fixture", "_live"} {
		r := run(t, env(t, "LANG=C"), "--db", t.TempDir()+"/w.db", hiddenCmd, "x")
		if r.code != 2 || !strings.Contains(r.stderr, "unknown command") {
			t.Errorf("werkstatt %s: want exit 2 and unknown command:\n%s", hiddenCmd, r)
		}
	}
}
