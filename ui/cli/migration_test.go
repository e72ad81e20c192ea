package cli

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// oldMain is a database written by werkstatt as it was on main before
// methods became a schema with method files (commit 649c3be, 2026-11-29):
// the Musterdorf demo and a reflection workshop with cards, themes, dots
// and a measure, made with that binary's `demo`, `new --method reflexion`
// and `import`. Beside it, what that binary printed for it: the record of
// each workshop in both languages, the JSON archive and `list --json`.
const oldMain = "testdata/main-2026-11-29"

// TestOldDatabaseReadsTheSame opens that database with this werkstatt and
// checks that it prints, byte for byte, what the old one printed: the
// method schema, the method files and Workshop.MethodDef change nothing
// for a workshop of a built-in method. If the record is changed on
// purpose, write the goldens again with the new binary and say so.
// Written again on purpose (2026-11-30): „In Zahlen“ counts only what the
// method has, and the dots given (no „Positive Umkehrungen: 0“ for the
// reflection workshop; „Vergebene Punkte“ for both).
func TestOldDatabaseReadsTheSame(t *testing.T) {
	db := filepath.Join(t.TempDir(), "werkstatt.db")
	data, err := os.ReadFile(filepath.Join(oldMain, "werkstatt.db"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(db, data, 0o600); err != nil {
		t.Fatal(err)
	}
	e := env(t)
	golden := func(name, got string) {
		t.Helper()
		want, err := os.ReadFile(filepath.Join(oldMain, name))
		if err != nil {
			t.Fatal(err)
		}
		if got != string(want) {
			t.Errorf("%s differs from what the old werkstatt printed:\n%s", name, firstDiff(string(want), got))
		}
	}
	golden("list.json", ok(t, e, "--db", db, "list", "--json"))
	for _, h := range []string{"musterdorf-2035", "standort-jugendbeirat"} {
		for _, l := range []string{"de", "en"} {
			golden(h+"-"+l+".md", ok(t, e, "--db", db, "--lang", l, "export", h))
		}
		golden(h+".json", ok(t, e, "--db", db, "export", h, "--format", "json"))
	}
}

// firstDiff names the first line where want and got differ.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(wl), len(gl)) {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\nwant: " + w + "\ngot:  " + g
		}
	}
	return "(same lines, different endings)"
}
