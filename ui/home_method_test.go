package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"werkstatt/model"
)

// TestHomeMethodFile: the new-workshop form takes a method file: a good
// one's method is copied into the workshop; a missing file, a folder and
// a file with mistakes are refused at the row in one line (FILE:LINE and
// how many more), nothing is created, and what was typed stays.
func TestHomeMethodFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "stadtteil.toml")
	if err := os.WriteFile(good, []byte(model.MethodFileExample()), 0o600); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "kaputt.toml")
	broken := strings.Replace(model.MethodFileExample(), "werkstatt = 1", "werkstatt = 1\nfarbe = \"rot\"\nmuster = 2", 1)
	if err := os.WriteFile(bad, []byte(broken), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ path, want string }{
		{filepath.Join(dir, "fehlt.toml"), "fehlt.toml: Datei nicht gefunden"},
		{dir, "ist keine Methodendatei"},
		{bad, bad + ":7: unbekannter Schlüssel"},
	} {
		hs := newHarness(t, model.German, 100, 40)
		hs.press("n")
		hs.typeText("Stadtteil Nord")
		homeFieldTo(t, hs, named("methodfile"))
		hs.typeText(tc.path)
		hs.press("enter")
		scr := hs.screen()
		if !strings.Contains(scr, tc.want) {
			t.Errorf("%s: the form lacks %q:\n%s", tc.path, tc.want, scr)
		}
		if tc.path == bad && !strings.Contains(scr, "und 1 weitere") {
			t.Errorf("the count of further mistakes is missing:\n%s", scr)
		}
		if list, _ := hs.st.Workshops(); len(list) != 0 {
			t.Errorf("%s: a workshop was created", tc.path)
		}
		if v := hs.app.screens[screenHome].(*homeScreen).form.values(); v[named("title")] != "Stadtteil Nord" {
			t.Errorf("the title typed was lost: %v", v)
		}
	}
	hs := newHarness(t, model.German, 100, 40)
	hs.press("n")
	hs.typeText("Stadtteil Nord")
	homeFieldTo(t, hs, named("methodfile"))
	hs.typeText(good)
	hs.press("enter")
	list, _ := hs.st.Workshops()
	if len(list) != 1 || list[0].Method != "stadtteilwerkstatt" || list[0].MethodDef == nil {
		t.Fatalf("created: %+v\n%s", list, hs.screen())
	}
}

// homeFieldTo tabs the new-workshop form to the row of key.
func homeFieldTo(t *testing.T, hs *harness, key formKey) {
	t.Helper()
	f := &hs.app.screens[screenHome].(*homeScreen).form
	for range len(f.rows) {
		if f.rows[f.cur].key == key {
			return
		}
		hs.press("tab")
	}
	t.Fatalf("no row %+v in the form", key)
}
