package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"werkstatt/model/demo"
)

// TestTypedAtStart types cards the moment werkstatt starts, as a
// facilitator does who opens the workshop and begins at once. The shell
// runs `sleep 2; werkstatt open …` and the keys are typed during the
// sleep, while the terminal is still in cooked mode and turns each Enter
// into a line feed (which Bubble Tea reads as ctrl+j, a line break: this
// once saved one card "b1\nb2\nb3"). Every Enter must be a card, in order.
// Should the machine be so slow that the keys come after the start, they
// are read in raw mode and the test still holds.
func TestTypedAtStart(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	e := env(t, "LANG=de_DE.UTF-8", "TERM=xterm-256color")
	db := filepath.Join(dir, "w.db")
	ok(t, e, "demo", "--no-open", "--db", db)
	before := len(cardTexts(t, db, demo.Handle))
	tt := startTmux(t, dir, e)
	started, rc := filepath.Join(dir, "started"), filepath.Join(dir, "rc")
	tt.text("touch " + started + "; sleep 2; " + bin + " --db " + db + " open " + demo.Handle + "; echo $? > " + rc)
	tt.keys("Enter")
	tt.waitFor("the shell to start the command", func(string) bool { _, err := os.Stat(started); return err == nil })
	tt.text("b1")
	tt.keys("Enter")
	tt.text("b2")
	tt.keys("Enter")
	tt.text("b3 äöü")
	tt.keys("Enter")
	tt.waitFor("the cards on the board", func(s string) bool {
		return tt.format("#{alternate_on}") == "1" && strings.Contains(s, "• b3 äöü")
	})
	tt.keys("C-c")
	tt.waitFor("werkstatt to end", func(string) bool { _, err := os.Stat(rc); return err == nil })
	got := cardTexts(t, db, demo.Handle)[before:]
	if want := []string{"b1", "b2", "b3 äöü"}; !slices.Equal(got, want) {
		t.Errorf("cards typed at the start: %q, want %q", got, want)
	}
}
