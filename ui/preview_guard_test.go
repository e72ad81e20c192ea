package ui

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
	"werkstatt/store"
)

// TestPreviewRefusesTheDatabase types the database's path, spelled several
// ways, into the record preview's W: the status line refuses it in one
// line, the database stays byte for byte what it was, and a card typed
// afterwards is on disk.
func TestPreviewRefusesTheDatabase(t *testing.T) {
	for _, tc := range []struct {
		name string
		path func(t *testing.T, db string) string
		want string
	}{
		{"as it is", func(t *testing.T, db string) string { return db }, "die geöffnete Datenbank selbst"},
		{"with ..", func(t *testing.T, db string) string {
			dir := filepath.Dir(db)
			if err := os.Mkdir(filepath.Join(dir, "sub"), 0o700); err != nil {
				t.Fatal(err)
			}
			return filepath.Join(dir, "sub") + "/../" + filepath.Base(db)
		}, "die geöffnete Datenbank selbst"},
		{"a symlink to it", func(t *testing.T, db string) string {
			p := filepath.Join(t.TempDir(), "protokoll.md")
			if err := os.Symlink(db, p); err != nil {
				t.Skipf("no symbolic links: %v", err)
			}
			return p
		}, "die geöffnete Datenbank selbst"},
		{"a hard link to it", func(t *testing.T, db string) string {
			p := filepath.Join(filepath.Dir(db), "protokoll.md")
			if err := os.Link(db, p); err != nil {
				t.Skipf("no hard links: %v", err)
			}
			return p
		}, "die geöffnete Datenbank selbst"},
		{"another database", func(t *testing.T, db string) string {
			p := filepath.Join(t.TempDir(), "sicherung.md")
			b, err := os.ReadFile(db)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, b, 0o600); err != nil {
				t.Fatal(err)
			}
			return p
		}, "eine Datenbankdatei"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			hs, ws := openBoard(t, model.German, 250, 30)
			hs.typeText("vorher")
			hs.press("enter")
			db := hs.st.Path()
			path := tc.path(t, db)
			before := fileSum(t, db)

			hs.press("esc", "f6", "W", "enter", "ctrl+u")
			hs.send(tea.PasteMsg{Content: path})
			hs.press("enter")
			status := lineWith(hs.screen(), "nicht gespeichert")
			if status == "" || !strings.Contains(status, tc.want) || !strings.Contains(status, path) {
				t.Errorf("want a status line saying %q about %s:\n%s", tc.want, path, hs.screen())
			}
			if got := fileSum(t, db); got != before {
				t.Fatal("the database changed")
			}
			if ents, _ := os.ReadDir(filepath.Dir(db)); slices.ContainsFunc(ents, func(e os.DirEntry) bool {
				return strings.Contains(e.Name(), ".tmp-")
			}) {
				t.Errorf("a temporary file was left: %v", ents)
			}

			hs.press("esc", "i")
			hs.typeText("danach")
			hs.press("enter")
			if s := lineWith(hs.screen(), "danach"); s == "" {
				t.Errorf("the card typed afterwards is not on the board:\n%s", hs.screen())
			}
			snap := reopened(t, hs, ws.ID)
			if got := cardTexts(snap.Cards); !slices.Equal(got, []string{"vorher", "danach"}) {
				t.Errorf("on disk: %q, want the card before and the one after", got)
			}
		})
	}
}

// TestRefusalEveryKind checks that every kind of refused path reads as a
// sentence in both languages, not as a raw key.
func TestRefusalEveryKind(t *testing.T) {
	for _, lang := range []model.Lang{model.German, model.English} {
		for _, k := range store.Kinds() {
			msg := refusal(catalogFor(lang), &store.OutputError{Path: "/p/x.md", Target: "/q/y.md", Same: "/p/w.db", Kind: k})
			if strings.Contains(msg, "out.") || strings.Contains(msg, "kind.") || strings.Contains(msg, "%!") || !strings.Contains(msg, "/p/x.md") {
				t.Errorf("%v in %s: %q", k, lang, msg)
			}
		}
	}
}

func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func lineWith(screen, part string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, part) {
			return l
		}
	}
	return ""
}

// TestPreviewIntoFolder types an existing folder without its final slash
// into W: the record goes into it as <handle>.md, as with the slash.
func TestPreviewIntoFolder(t *testing.T) {
	hs, ws := openBoard(t, model.German, 250, 30)
	dir := filepath.Join(t.TempDir(), "Ablage")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	hs.press("esc", "f6", "W", "enter", "ctrl+u")
	hs.send(tea.PasteMsg{Content: dir})
	hs.press("enter")
	want := filepath.Join(dir, ws.Handle+".md")
	if b, err := os.ReadFile(want); err != nil || !strings.Contains(string(b), ws.Title) {
		t.Errorf("no record in %s: %v\n%s", want, err, hs.screen())
	}
}
